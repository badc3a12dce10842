package io.measured;

/** A superclass whose class-level binding its subclasses inherit. */
@Measured(type = OperationType.DATABASE)
public abstract class BaseRepository {

    public int count() {
        return 3;
    }
}
