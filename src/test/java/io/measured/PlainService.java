package io.measured;

import jakarta.enterprise.context.Dependent;

/** Only one method is measured; the rest pass through untouched. */
@Dependent
public class PlainService {

    @Measured(type = OperationType.HTTP)
    public String fetch() {
        return "fetched";
    }

    public String untimed() {
        return "untimed";
    }
}
