package io.measured.demo;

import io.measured.Measured;
import jakarta.ejb.Stateful;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/** A stateful session bean in session scope. */
@Stateful
@SessionScoped
@Measured
public class Basket implements Serializable {

    private static final long serialVersionUID = 1L;

    private int items;

    public int add() {
        return ++items;
    }
}
