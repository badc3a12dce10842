import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Writes the delegating base classes of the JDBC wrappers in {@code io.measured.internal.jdbc}: for
 * each JDBC interface an abstract class whose methods pass every call to the vendor's object, so
 * that the hand-written wrappers extending them hold only what records or re-wraps. The build runs
 * it in {@code generate-sources}: {@code java src/build/java/JdbcDelegates.java <directory>}.
 *
 * <p>The interfaces are read as Java 17 declares them (javac's {@code --release 17}), never from
 * the JDK that runs the build: the library compiles against Java 17's API, and two builds of one
 * commit must be byte-identical on any JDK. Methods are written in the order of their signatures.
 */
public final class JdbcDelegates {

    static final String PACKAGE = "io.measured.internal.jdbc";

    /**
     * One generated class: the JDBC interface it delegates, its superclass (a {@code JdbcWrapper},
     * or the hand-written wrapper of the interface's parent) with that class's constructor
     * parameters, and the methods the wrapper extending it writes by hand (left abstract, so the
     * compiler asks for them).
     */
    record Delegate(String name, String typeParameters, String jdbcInterface, String superclass, String constructor,
            Set<String> handWritten) {

        /** Whether it stands right on {@code JdbcWrapper}, so declares the hooks its methods call. */
        boolean root() {
            return superclass.startsWith("JdbcWrapper<");
        }
    }

    private static final List<Delegate> DELEGATES = List.of(
            new Delegate("ConnectionDelegate", "", "java.sql.Connection", "JdbcWrapper<java.sql.Connection>",
                    "java.sql.Connection vendor", Set.of()),
            new Delegate("StatementDelegate", "<V extends java.sql.Statement>", "java.sql.Statement", "JdbcWrapper<V>",
                    "V vendor", Set.of("addBatch", "clearBatch")),
            new Delegate("PreparedStatementDelegate", "<V extends java.sql.PreparedStatement>",
                    "java.sql.PreparedStatement", "MeasuredStatement<V>",
                    "V vendor, MeasuredConnection connection, String sql", Set.of("addBatch")),
            new Delegate("CallableStatementDelegate", "", "java.sql.CallableStatement",
                    "MeasuredPreparedStatement<java.sql.CallableStatement>",
                    "java.sql.CallableStatement vendor, MeasuredConnection connection, String sql", Set.of()),
            new Delegate("ResultSetDelegate", "", "java.sql.ResultSet", "JdbcWrapper<java.sql.ResultSet>",
                    "java.sql.ResultSet vendor", Set.of()),
            new Delegate("DatabaseMetaDataDelegate", "", "java.sql.DatabaseMetaData",
                    "JdbcWrapper<java.sql.DatabaseMetaData>", "java.sql.DatabaseMetaData vendor", Set.of()));

    private JdbcDelegates() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("expected one argument, the directory of generated sources; got "
                    + Arrays.toString(args));
        }
        Path directory = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(directory);
        Elements java17 = java17();
        List<Path> written = new ArrayList<>();
        for (Delegate delegate : DELEGATES) {
            TypeElement jdbcInterface = java17.getTypeElement(delegate.jdbcInterface());
            if (jdbcInterface == null) {
                throw new IllegalStateException("Java 17 has no " + delegate.jdbcInterface());
            }
            Path file = directory.resolve(delegate.name() + ".java");
            byte[] source = new DelegateSource(delegate, jdbcInterface).text().getBytes(StandardCharsets.UTF_8);
            // an unchanged file keeps its time, so the compiler finds nothing new
            if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), source)) {
                Files.write(file, source);
            }
            written.add(file);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path stale : files.filter(file -> !written.contains(file)).toList()) {
                Files.delete(stale);
            }
        }
    }

    /** The Java 17 API as javac compiles against it, whichever JDK this runs on. */
    private static Elements java17() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": the build needs a JDK 17 or newer");
        }
        return ((JavacTask) javac.getTask(null, null, null, List.of("--release", "17", "-proc:none"), null, List.of()))
                .getElements();
    }
}

/**
 * The source of one delegate, from one template with three shapes of method: a method named
 * {@code execute...} is timed around the vendor's call through hooks of the hand-written class
 * ({@code sql(text)} or {@code prepared()}, then {@code executed}; a batch {@code batchExecuted});
 * a method returning a JDBC object that can run SQL or lead to one hands out what the hook
 * {@code measured(...)} makes of the vendor's; every other method returns the vendor's answer.
 */
final class DelegateSource {

    /** Vendor objects that can run SQL or lead to one: never handed out as they are. */
    private static final Set<String> REWRAPPED = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.DatabaseMetaData",
            "java.sql.ResultSet");
    /** Of those, the statements made from an SQL text (the first parameter), which they record. */
    private static final Set<String> MADE_FROM_SQL = Set.of("java.sql.PreparedStatement", "java.sql.CallableStatement");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z][a-z0-9_]*\\.)+)([A-Z][A-Za-z0-9_]*)");

    private static final String FILE = """
            // Generated by src/build/java/JdbcDelegates.java from %1$s of Java 17: do not edit.
            package %2$s;

            %3$s
            /**
             * Passes every call of {@link %4$s} to the vendor's object, for the measured wrapper that
             * extends this class and implements the hooks: executions are timed, and JDBC objects that
             * can run SQL are handed out measured.%5$s
             */
            @SuppressWarnings("deprecation")
            abstract class %6$s%7$s extends %8$s implements %4$s {

                %6$s(%9$s) {
                    super(%10$s);
                }
            %11$s%12$s}
            """;
    private static final String METHOD = """

                @Override
                public final %s%s %s(%s)%s {
                    %s
                }
            """;
    private static final String TIMED = """
            %slong start = System.nanoTime();
                    try {
                        %s result = %s;
                        %s
                        return %s;
                    } catch (SQLException | RuntimeException | Error failure) {
                        %s
                        throw failure;
                    }""";

    private final JdbcDelegates.Delegate delegate;
    private final TypeElement jdbcInterface;
    private final Map<String, String> imports = new HashMap<>();
    /** The abstract hooks the methods call, by name and parameter: declared where the delegate is a root. */
    private final Map<String, String> hooks = new TreeMap<>();

    DelegateSource(JdbcDelegates.Delegate delegate, TypeElement jdbcInterface) {
        this.delegate = delegate;
        this.jdbcInterface = jdbcInterface;
    }

    String text() {
        String methods = ElementFilter.methodsIn(jdbcInterface.getEnclosedElements()).stream()
                .filter(method -> !method.getModifiers().contains(Modifier.STATIC))
                .filter(method -> !delegate.handWritten().contains(method.getSimpleName().toString()))
                .sorted(Comparator.comparing(DelegateSource::signature))
                .map(this::method).collect(Collectors.joining());
        String handWritten = delegate.handWritten().isEmpty() ? ""
                : " Written by hand: " + String.join(", ", new TreeSet<>(delegate.handWritten())) + ".";
        String superArguments = Arrays.stream(delegate.constructor().split(", "))
                .map(parameter -> parameter.substring(parameter.lastIndexOf(' ') + 1)).collect(Collectors.joining(", "));
        String hookDeclarations = delegate.root() ? hooks.values().stream().map(hook -> "\n    " + hook + "\n")
                .collect(Collectors.joining()) : "";
        String contract = simple(delegate.jdbcInterface());
        String typeParameters = simple(delegate.typeParameters());
        String superclass = simple(delegate.superclass());
        String constructor = simple(delegate.constructor());
        simple("java.sql.SQLException"); // caught by the timed methods
        String importLines = new TreeSet<>(imports.values()).stream().map(name -> "import " + name + ";\n")
                .collect(Collectors.joining());
        return FILE.formatted(delegate.jdbcInterface(), JdbcDelegates.PACKAGE, importLines, contract, handWritten,
                delegate.name(), typeParameters, superclass, constructor, superArguments, hookDeclarations, methods);
    }

    private String method(ExecutableElement method) {
        if (method.isVarArgs()) {
            throw new IllegalStateException("the template writes no varargs method: " + method);
        }
        String name = method.getSimpleName().toString();
        List<String> names = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        method.getParameters().forEach(parameter -> {
            names.add(String.valueOf((char) ('a' + names.size())));
            parameters.add(type(parameter.asType()) + " " + names.get(names.size() - 1));
        });
        String call = "vendor." + name + "(" + String.join(", ", names) + ")";
        String returned = method.getReturnType().toString();
        String body = name.startsWith("execute") ? timed(method, call)
                : returned.equals("void") ? call + ";"
                : "return " + handedOut(method, call) + ";";
        String typeParameters = method.getTypeParameters().isEmpty() ? "" : method.getTypeParameters().stream()
                .map(this::typeParameter).collect(Collectors.joining(", ", "<", "> "));
        String thrown = method.getThrownTypes().isEmpty() ? "" : method.getThrownTypes().stream()
                .map(this::type).collect(Collectors.joining(", ", " throws ", ""));
        return METHOD.formatted(typeParameters, type(method.getReturnType()), name, String.join(", ", parameters),
                thrown, body);
    }

    /** An execution: the vendor's call between two clock reads, recorded whether it returns or throws. */
    private String timed(ExecutableElement method, String call) {
        String sql = "";
        String recorded = "executed(sql, start, %s);";
        if (BATCHES.contains(method.getSimpleName().toString())) {
            recorded = "batchExecuted(start, %s);";
            hook("batchExecuted", "Records the pending batch as one execution from {@code startNanos} to now.",
                    "void batchExecuted(long startNanos, Throwable failure)");
        } else if (takesSql(method)) {
            sql = "Sql sql = sql(a);\n        ";
            hook("sql", "The recorded form of an SQL text, or null when nothing is recorded.", "Sql sql(String text)");
        } else {
            sql = "Sql sql = prepared();\n        ";
            hook("prepared", "The recorded form of the prepared SQL, or null when nothing is recorded.", "Sql prepared()");
        }
        if (!recorded.startsWith("batch")) {
            hook("executed", "Records one execution from {@code startNanos} to now; {@code failure} null on success.",
                    "void executed(Sql sql, long startNanos, Throwable failure)");
        }
        return TIMED.formatted(sql, type(method.getReturnType()), call, recorded.formatted("null"),
                handedOut(method, "result"), recorded.formatted("failure"));
    }

    /** What the application gets for the vendor's {@code value}: a measured object where it could run SQL. */
    private String handedOut(ExecutableElement method, String value) {
        String returned = method.getReturnType().toString();
        if (!REWRAPPED.contains(returned)) {
            return value;
        }
        String type = simple(returned);
        if (MADE_FROM_SQL.contains(returned)) {
            if (!takesSql(method)) {
                throw new IllegalStateException("a statement made from no SQL text: " + method);
            }
            hook("measured(" + type + ")", "The measured statement for the vendor's, made from {@code sql}.",
                    type + " measured(" + type + " vendorStatement, String sql)");
            return "measured(" + value + ", a)";
        }
        hook("measured(" + type + ")", "What the application gets for the vendor's {@code " + type
                + "}: a measured one; null for null.", type + " measured(" + type + " vendorObject)");
        return "measured(" + value + ")";
    }

    private static boolean takesSql(ExecutableElement method) {
        return !method.getParameters().isEmpty()
                && method.getParameters().get(0).asType().toString().equals("java.lang.String");
    }

    private void hook(String key, String comment, String signature) {
        hooks.putIfAbsent(key, "/** " + comment + " */\n    abstract " + signature + ";");
    }

    private String typeParameter(TypeParameterElement parameter) {
        List<String> bounds = parameter.getBounds().stream().map(TypeMirror::toString)
                .filter(bound -> !bound.equals("java.lang.Object")).map(this::simple).toList();
        return parameter.getSimpleName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
    }

    /** A type of java.sql's signatures, whose type arguments javac writes without spaces. */
    private String type(TypeMirror type) {
        return simple(type.toString().replace(",", ", "));
    }

    /** A type as the source writes it: simple names, each imported unless of java.lang or this package. */
    private String simple(String text) {
        Matcher qualified = QUALIFIED.matcher(text);
        StringBuilder simple = new StringBuilder();
        while (qualified.find()) {
            String prefix = qualified.group(1);
            String name = qualified.group(2);
            if (!prefix.equals("java.lang.") && !prefix.equals(JdbcDelegates.PACKAGE + ".")) {
                String known = imports.putIfAbsent(name, prefix + name);
                if (known != null && !known.equals(prefix + name)) {
                    throw new IllegalStateException("two types named " + name + ": " + known + " and " + prefix + name);
                }
            }
            qualified.appendReplacement(simple, name);
        }
        return qualified.appendTail(simple).toString();
    }

    /** A method's name and parameter types: the order methods are written in. */
    private static String signature(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream().map(p -> p.asType().toString())
                .collect(Collectors.joining(",", "(", ")"));
    }
}
