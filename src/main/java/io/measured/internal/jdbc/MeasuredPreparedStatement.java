package io.measured.internal.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/** A prepared statement that records its executions; see {@link MeasuredStatement}. */
@SuppressWarnings("deprecation")
class MeasuredPreparedStatement extends MeasuredStatement implements PreparedStatement {

    private final PreparedStatement preparedVendor;

    MeasuredPreparedStatement(PreparedStatement vendor, Connection connection, JdbcRecorder recorder, String sql) {
        super(vendor, connection, recorder, sql);
        this.preparedVendor = vendor;
    }

    @Override
    public void addBatch() throws SQLException {
        preparedVendor.addBatch();
        batched(prepared());
    }

    @Override
    public void clearParameters() throws SQLException {
        preparedVendor.clearParameters();
    }

    @Override
    public boolean execute() throws SQLException {
        Sql sql = prepared();
        long start = System.nanoTime();
        try {
            boolean result = preparedVendor.execute();
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        Sql sql = prepared();
        long start = System.nanoTime();
        try {
            long result = preparedVendor.executeLargeUpdate();
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        Sql sql = prepared();
        long start = System.nanoTime();
        try {
            ResultSet result = preparedVendor.executeQuery();
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public int executeUpdate() throws SQLException {
        Sql sql = prepared();
        long start = System.nanoTime();
        try {
            int result = preparedVendor.executeUpdate();
            recorder.executed(sql, start, System.nanoTime(), null);
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            recorder.executed(sql, start, System.nanoTime(), failure);
            throw failure;
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return preparedVendor.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return preparedVendor.getParameterMetaData();
    }

    @Override
    public void setArray(int a, Array b) throws SQLException {
        preparedVendor.setArray(a, b);
    }

    @Override
    public void setAsciiStream(int a, java.io.InputStream b) throws SQLException {
        preparedVendor.setAsciiStream(a, b);
    }

    @Override
    public void setAsciiStream(int a, java.io.InputStream b, int c) throws SQLException {
        preparedVendor.setAsciiStream(a, b, c);
    }

    @Override
    public void setAsciiStream(int a, java.io.InputStream b, long c) throws SQLException {
        preparedVendor.setAsciiStream(a, b, c);
    }

    @Override
    public void setBigDecimal(int a, java.math.BigDecimal b) throws SQLException {
        preparedVendor.setBigDecimal(a, b);
    }

    @Override
    public void setBinaryStream(int a, java.io.InputStream b) throws SQLException {
        preparedVendor.setBinaryStream(a, b);
    }

    @Override
    public void setBinaryStream(int a, java.io.InputStream b, int c) throws SQLException {
        preparedVendor.setBinaryStream(a, b, c);
    }

    @Override
    public void setBinaryStream(int a, java.io.InputStream b, long c) throws SQLException {
        preparedVendor.setBinaryStream(a, b, c);
    }

    @Override
    public void setBlob(int a, java.io.InputStream b) throws SQLException {
        preparedVendor.setBlob(a, b);
    }

    @Override
    public void setBlob(int a, java.io.InputStream b, long c) throws SQLException {
        preparedVendor.setBlob(a, b, c);
    }

    @Override
    public void setBlob(int a, Blob b) throws SQLException {
        preparedVendor.setBlob(a, b);
    }

    @Override
    public void setBoolean(int a, boolean b) throws SQLException {
        preparedVendor.setBoolean(a, b);
    }

    @Override
    public void setByte(int a, byte b) throws SQLException {
        preparedVendor.setByte(a, b);
    }

    @Override
    public void setBytes(int a, byte[] b) throws SQLException {
        preparedVendor.setBytes(a, b);
    }

    @Override
    public void setCharacterStream(int a, java.io.Reader b) throws SQLException {
        preparedVendor.setCharacterStream(a, b);
    }

    @Override
    public void setCharacterStream(int a, java.io.Reader b, int c) throws SQLException {
        preparedVendor.setCharacterStream(a, b, c);
    }

    @Override
    public void setCharacterStream(int a, java.io.Reader b, long c) throws SQLException {
        preparedVendor.setCharacterStream(a, b, c);
    }

    @Override
    public void setClob(int a, java.io.Reader b) throws SQLException {
        preparedVendor.setClob(a, b);
    }

    @Override
    public void setClob(int a, java.io.Reader b, long c) throws SQLException {
        preparedVendor.setClob(a, b, c);
    }

    @Override
    public void setClob(int a, Clob b) throws SQLException {
        preparedVendor.setClob(a, b);
    }

    @Override
    public void setDate(int a, Date b) throws SQLException {
        preparedVendor.setDate(a, b);
    }

    @Override
    public void setDate(int a, Date b, java.util.Calendar c) throws SQLException {
        preparedVendor.setDate(a, b, c);
    }

    @Override
    public void setDouble(int a, double b) throws SQLException {
        preparedVendor.setDouble(a, b);
    }

    @Override
    public void setFloat(int a, float b) throws SQLException {
        preparedVendor.setFloat(a, b);
    }

    @Override
    public void setInt(int a, int b) throws SQLException {
        preparedVendor.setInt(a, b);
    }

    @Override
    public void setLong(int a, long b) throws SQLException {
        preparedVendor.setLong(a, b);
    }

    @Override
    public void setNCharacterStream(int a, java.io.Reader b) throws SQLException {
        preparedVendor.setNCharacterStream(a, b);
    }

    @Override
    public void setNCharacterStream(int a, java.io.Reader b, long c) throws SQLException {
        preparedVendor.setNCharacterStream(a, b, c);
    }

    @Override
    public void setNClob(int a, java.io.Reader b) throws SQLException {
        preparedVendor.setNClob(a, b);
    }

    @Override
    public void setNClob(int a, java.io.Reader b, long c) throws SQLException {
        preparedVendor.setNClob(a, b, c);
    }

    @Override
    public void setNClob(int a, NClob b) throws SQLException {
        preparedVendor.setNClob(a, b);
    }

    @Override
    public void setNString(int a, String b) throws SQLException {
        preparedVendor.setNString(a, b);
    }

    @Override
    public void setNull(int a, int b) throws SQLException {
        preparedVendor.setNull(a, b);
    }

    @Override
    public void setNull(int a, int b, String c) throws SQLException {
        preparedVendor.setNull(a, b, c);
    }

    @Override
    public void setObject(int a, Object b) throws SQLException {
        preparedVendor.setObject(a, b);
    }

    @Override
    public void setObject(int a, Object b, int c) throws SQLException {
        preparedVendor.setObject(a, b, c);
    }

    @Override
    public void setObject(int a, Object b, int c, int d) throws SQLException {
        preparedVendor.setObject(a, b, c, d);
    }

    @Override
    public void setObject(int a, Object b, SQLType c) throws SQLException {
        preparedVendor.setObject(a, b, c);
    }

    @Override
    public void setObject(int a, Object b, SQLType c, int d) throws SQLException {
        preparedVendor.setObject(a, b, c, d);
    }

    @Override
    public void setRef(int a, Ref b) throws SQLException {
        preparedVendor.setRef(a, b);
    }

    @Override
    public void setRowId(int a, RowId b) throws SQLException {
        preparedVendor.setRowId(a, b);
    }

    @Override
    public void setSQLXML(int a, SQLXML b) throws SQLException {
        preparedVendor.setSQLXML(a, b);
    }

    @Override
    public void setShort(int a, short b) throws SQLException {
        preparedVendor.setShort(a, b);
    }

    @Override
    public void setString(int a, String b) throws SQLException {
        preparedVendor.setString(a, b);
    }

    @Override
    public void setTime(int a, Time b) throws SQLException {
        preparedVendor.setTime(a, b);
    }

    @Override
    public void setTime(int a, Time b, java.util.Calendar c) throws SQLException {
        preparedVendor.setTime(a, b, c);
    }

    @Override
    public void setTimestamp(int a, Timestamp b) throws SQLException {
        preparedVendor.setTimestamp(a, b);
    }

    @Override
    public void setTimestamp(int a, Timestamp b, java.util.Calendar c) throws SQLException {
        preparedVendor.setTimestamp(a, b, c);
    }

    @Override
    public void setURL(int a, java.net.URL b) throws SQLException {
        preparedVendor.setURL(a, b);
    }

    @Override
    public void setUnicodeStream(int a, java.io.InputStream b, int c) throws SQLException {
        preparedVendor.setUnicodeStream(a, b, c);
    }
}
