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
import javax.lang.model.element.VariableElement;
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
 *
 * <p>One template, three shapes of method: a method named {@code execute...} is timed around the
 * vendor's call through hooks of the hand-written class ({@code sql(text)} or {@code prepared()},
 * then {@code executed}; a batch {@code batchExecuted}); a method returning a JDBC object that can
 * run SQL or lead to one hands out what the hook {@code measured(...)} makes of the vendor's;
 * every other method returns the vendor's answer. A method a delegate names as hand-written is
 * left abstract, so the compiler asks the wrapper for it.
 */
public final class JdbcDelegates {

    private static final String PACKAGE = "io.measured.internal.jdbc";
    /** Vendor objects that can run SQL or lead to one: never handed out unwrapped. */
    private static final Set<String> REWRAPPED = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.DatabaseMetaData",
            "java.sql.ResultSet");
    /** Of those, the statements made from an SQL text (their first parameter), which they record. */
    private static final Set<String> MADE_FROM_SQL = Set.of("java.sql.PreparedStatement", "java.sql.CallableStatement");
    private static final Set<String> BATCHES = Set.of("executeBatch", "executeLargeBatch");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z][a-z0-9_]*\\.)+)([A-Z][A-Za-z0-9_]*)");

    /**
     * One generated class: the JDBC interface it delegates, its superclass (a {@code JdbcWrapper},
     * or a hand-written wrapper of the interface's parent) with that class's constructor parameters,
     * and the methods the wrapper extending it writes by hand.
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
            Path file = directory.resolve(delegate.name() + ".java");
            byte[] source = new Source(delegate, java17).text().getBytes(StandardCharsets.UTF_8);
            // unchanged files keep their time, so the compiler sees nothing new
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

    /** The source of one delegate. */
    private static final class Source {
        private final Delegate delegate;
        private final Elements java17;
        private final Map<String, String> imports = new HashMap<>();
        /** The abstract hooks the methods call, by signature: declared where the delegate is a root. */
        private final Map<String, String> hooks = new TreeMap<>();

        Source(Delegate delegate, Elements java17) {
            this.delegate = delegate;
            this.java17 = java17;
        }

        String text() {
            TypeElement contract = java17.getTypeElement(delegate.jdbcInterface());
            if (contract == null) {
                throw new IllegalStateException("Java 17 has no " + delegate.jdbcInterface());
            }
            StringBuilder methods = new StringBuilder();
            ElementFilter.methodsIn(contract.getEnclosedElements()).stream()
                    .filter(method -> !method.getModifiers().contains(Modifier.STATIC))
                    .filter(method -> !delegate.handWritten().contains(method.getSimpleName().toString()))
                    .sorted(Comparator.comparing(JdbcDelegates::signature))
                    .forEach(method -> methods.append(method(method)));
            String simpleInterface = simple(delegate.jdbcInterface());
            String header = "abstract class " + delegate.name() + simple(delegate.typeParameters()) + " extends "
                    + simple(delegate.superclass()) + " implements " + simpleInterface + " {\n\n    "
                    + delegate.name() + "(" + simple(delegate.constructor()) + ") {\n        super("
                    + Arrays.stream(delegate.constructor().split(", ")).map(p -> p.substring(p.lastIndexOf(' ') + 1))
                            .collect(Collectors.joining(", "))
                    + ");\n    }\n";
            StringBuilder text = new StringBuilder("// Generated by src/build/java/JdbcDelegates.java from ")
                    .append(delegate.jdbcInterface()).append(" of Java 17: do not edit.\npackage ").append(PACKAGE)
                    .append(";\n\n");
            new TreeSet<>(imports.values()).forEach(name -> text.append("import ").append(name).append(";\n"));
            text.append("\n/**\n * Passes every call of {@link ").append(simpleInterface)
                    .append("} to the vendor's object, for the wrapper that extends\n * this class: executions timed")
                    .append(" through its hooks, JDBC objects that can run SQL handed out as\n * measured ones.")
                    .append(delegate.handWritten().isEmpty() ? "" : " Written by hand: "
                            + new TreeSet<>(delegate.handWritten()) + ".")
                    .append("\n */\n@SuppressWarnings(\"deprecation\")\n").append(header);
            if (delegate.root()) {
                hooks.values().forEach(hook -> text.append("\n    ").append(hook).append("\n"));
            }
            return text.append(methods).append("}\n").toString();
        }

        private String method(ExecutableElement method) {
            if (method.isVarArgs()) {
                throw new IllegalStateException("the template writes no varargs method: " + method);
            }
            String name = method.getSimpleName().toString();
            List<? extends VariableElement> parameters = method.getParameters();
            List<String> names = new ArrayList<>();
            List<String> declared = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                names.add(String.valueOf((char) ('a' + i)));
                declared.add(type(parameters.get(i).asType()) + " " + names.get(i));
            }
            String returned = method.getReturnType().toString();
            String typeParameters = method.getTypeParameters().isEmpty() ? "" : method.getTypeParameters().stream()
                    .map(this::typeParameter).collect(Collectors.joining(", ", "<", "> "));
            String thrown = method.getThrownTypes().isEmpty() ? "" : method.getThrownTypes().stream()
                    .map(this::type).collect(Collectors.joining(", ", " throws ", ""));
            String call = "vendor." + name + "(" + String.join(", ", names) + ")";
            String body;
            if (name.startsWith("execute")) {
                body = timed(method, names, call, returned);
            } else if (returned.equals("void")) {
                body = call + ";";
            } else {
                body = "return " + handedOut(method, call, returned) + ";";
            }
            return "\n    @Override\n    public final " + typeParameters + type(method.getReturnType()) + " " + name + "("
                    + String.join(", ", declared) + ")" + thrown + " {\n        " + body + "\n    }\n";
        }

        /** The template of an execution: the vendor's call between two clock reads, recorded either way. */
        private String timed(ExecutableElement method, List<String> names, String call, String returned) {
            String recorded;
            String start = "";
            if (BATCHES.contains(method.getSimpleName().toString())) {
                recorded = "batchExecuted(start, %s);";
                hook("batchExecuted", "/** Records the pending batch as one execution that started at {@code startNanos} and"
                        + " ends now. */\n    abstract void batchExecuted(long startNanos, Throwable failure);");
            } else {
                boolean text = !names.isEmpty() && method.getParameters().get(0).asType().toString().equals("java.lang.String");
                start = "Sql sql = " + (text ? "sql(a)" : "prepared()") + ";\n        ";
                hook(text ? "sql" : "prepared", text
                        ? "/** The recorded form of an SQL text, or null when nothing is recorded. */\n    abstract Sql sql(String text);"
                        : "/** The recorded form of the prepared SQL, or null when nothing is recorded. */\n    abstract Sql prepared();");
                recorded = "executed(sql, start, %s);";
                hook("executed", "/** Records one execution that started at {@code startNanos} and ends now; {@code failure}"
                        + " null when it succeeded. */\n    abstract void executed(Sql sql, long startNanos, Throwable failure);");
            }
            return start + "long start = System.nanoTime();\n        try {\n            " + type(method.getReturnType())
                    + " result = " + call + ";\n            " + recorded.formatted("null") + "\n            return "
                    + handedOut(method, "result", returned) + ";\n        } catch (" + simple("java.sql.SQLException")
                    + " | RuntimeException | Error failure) {\n            " + recorded.formatted("failure")
                    + "\n            throw failure;\n        }";
        }

        /** What the application gets for the vendor's {@code value}: measured where it could run SQL. */
        private String handedOut(ExecutableElement method, String value, String returned) {
            if (!REWRAPPED.contains(returned)) {
                return value;
            }
            String type = simple(returned);
            if (MADE_FROM_SQL.contains(returned)) {
                if (!method.getParameters().get(0).asType().toString().equals("java.lang.String")) {
                    throw new IllegalStateException("a statement made from no SQL text: " + method);
                }
                hook("measured(" + type + ")", "/** The measured statement for the vendor's, made from {@code sql}. */\n    abstract "
                        + type + " measured(" + type + " vendorStatement, String sql);");
                return "measured(" + value + ", a)";
            }
            hook("measured(" + type + ")", "/** What the application gets for the vendor's {@code " + type
                    + "}: a measured one, or null for null. */\n    abstract " + type + " measured(" + type + " vendorObject);");
            return "measured(" + value + ")";
        }

        private void hook(String key, String declaration) {
            hooks.putIfAbsent(key, declaration);
        }

        private String typeParameter(TypeParameterElement parameter) {
            List<String> bounds = parameter.getBounds().stream().map(TypeMirror::toString)
                    .filter(bound -> !bound.equals("java.lang.Object")).map(this::simple).toList();
            return parameter.getSimpleName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds));
        }

        private String type(TypeMirror type) {
            return simple(type.toString());
        }

        /** A type as written in the source: simple names, each imported unless in java.lang or this package. */
        private String simple(String text) {
            Matcher qualified = QUALIFIED.matcher(text.replace(",", ", ").replace(",  ", ", "));
            StringBuilder simple = new StringBuilder();
            while (qualified.find()) {
                String packagePrefix = qualified.group(1);
                String name = qualified.group(2);
                String full = packagePrefix + name;
                if (!packagePrefix.equals("java.lang.") && !packagePrefix.equals(PACKAGE + ".")) {
                    String known = imports.putIfAbsent(name, full);
                    if (known != null && !known.equals(full)) {
                        throw new IllegalStateException("two types named " + name + ": " + known + " and " + full);
                    }
                }
                qualified.appendReplacement(simple, name);
            }
            return qualified.appendTail(simple).toString();
        }
    }

    /** A method's name and erased parameter types: the order methods are written in. */
    private static String signature(ExecutableElement method) {
        return method.getSimpleName() + method.getParameters().stream().map(p -> p.asType().toString())
                .collect(Collectors.joining(",", "(", ")"));
    }
}
