package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.InheritingRepository;
import io.measured.Measured;
import io.measured.OperationType;
import io.measured.kinds.CallbackFreeBean;
import io.measured.kinds.LifecycleBean;
import io.measured.kinds.OverridingBean;
import io.measured.kinds.PlainRepository;
import io.measured.kinds.StereotypedBean;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The binding read from the classes alone, for containers that do not report it (not Weld, before EE 11). */
class DeclaredBindingsTest {

    private static Measured forMethod(Class<?> beanClass, String method) throws NoSuchMethodException {
        return DeclaredBindings.forMethod(beanClass, beanClass.getMethod(method));
    }

    @Test
    void aStereotypeOfTheBeanClassCarriesTheBinding() throws Exception {
        assertThat(forMethod(StereotypedBean.class, "page").type()).isEqualTo(OperationType.RENDER);
    }

    @Test
    @DisplayName("an unannotated override takes its own class's binding; an inherited method keeps its own")
    void overridesAndInheritedMethods() throws Exception {
        assertThat(forMethod(OverridingBean.class, "fetch").type()).isEqualTo(OperationType.DATABASE);
        assertThat(forMethod(OverridingBean.class, "fetch").name()).isEmpty();
        assertThat(forMethod(OverridingBean.class, "kept").name()).isEqualTo("base kept");
    }

    @Test
    void anInheritedClassLevelBindingApplies() throws Exception {
        assertThat(forMethod(InheritingRepository.class, "own").type()).isEqualTo(OperationType.DATABASE);
    }

    @Test
    void aClassWithoutAnyBindingHasNone() throws Exception {
        assertThat(DeclaredBindings.forMethod(PlainRepository.class, PlainRepository.class.getMethod("find", String.class)))
                .isNull();
    }

    @Test
    void lifecycleCallbacksAreFoundWhereDeclared() {
        assertThat(DeclaredBindings.declaresCallback(LifecycleBean.class, PostConstruct.class)).isTrue();
        assertThat(DeclaredBindings.declaresCallback(LifecycleBean.class, PreDestroy.class)).isTrue();
        assertThat(DeclaredBindings.declaresCallback(CallbackFreeBean.class, PostConstruct.class)).isFalse();
    }

    @Test
    void generatedSubclassesAreSkippedForTheName() {
        class NoteRepository$$Proxy extends LifecycleBean {
        }
        assertThat(DeclaredBindings.beanClass(NoteRepository$$Proxy.class)).isEqualTo(LifecycleBean.class);
        assertThat(DeclaredBindings.simpleName(LifecycleBean.class)).isEqualTo("LifecycleBean");
    }
}
