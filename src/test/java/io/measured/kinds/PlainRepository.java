package io.measured.kinds;

/** Not a bean: an application builds it itself and binds it through InterceptionFactory. */
public class PlainRepository {

    public String find(String id) {
        return "found " + id;
    }
}
