package io.measured;

import jakarta.enterprise.context.ApplicationScoped;

/** Measured only through its superclass's class-level annotation. */
@ApplicationScoped
public class InheritingRepository extends BaseRepository {

    public String own() {
        return "own";
    }
}
