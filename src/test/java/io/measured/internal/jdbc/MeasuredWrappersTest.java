package io.measured.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasuredWrappersTest {

    /**
     * A default method the wrapper inherited would run the interface's code instead of the vendor's
     * (a pool's {@code beginRequest}, a driver's {@code enquoteLiteral}): every method, abstract or
     * default, must be the wrapper's own.
     */
    @ParameterizedTest(name = "{0} implements every method of {1}")
    @CsvSource({
        "io.measured.internal.jdbc.MeasuredConnection, java.sql.Connection",
        "io.measured.internal.jdbc.MeasuredStatement, java.sql.Statement",
        "io.measured.internal.jdbc.MeasuredPreparedStatement, java.sql.PreparedStatement",
        "io.measured.internal.jdbc.MeasuredCallableStatement, java.sql.CallableStatement",
        "io.measured.internal.jdbc.MeasuredResultSet, java.sql.ResultSet",
        "io.measured.internal.jdbc.MeasuredDatabaseMetaData, java.sql.DatabaseMetaData",
    })
    void everyMethodIsPassedOnToTheVendor(String wrapper, String jdbcInterface) throws Exception {
        Class<?> type = Class.forName(wrapper);
        Class<?> contract = Class.forName(jdbcInterface);
        assertThat(contract).isIn(List.of(Connection.class, Statement.class, PreparedStatement.class, CallableStatement.class,
                ResultSet.class, DatabaseMetaData.class));
        List<String> inherited = Arrays.stream(contract.getMethods())
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> implementation(type, method).getDeclaringClass().isInterface())
                .map(Method::toString)
                .toList();
        assertThat(inherited).as("methods %s leaves to the interface", type.getSimpleName()).isEmpty();
    }

    private static Method implementation(Class<?> type, Method method) {
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
