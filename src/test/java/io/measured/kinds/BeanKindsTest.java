package io.measured.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.MeasuredWeldTest;
import io.measured.Metric;
import io.measured.MetricsBuffer;
import io.measured.OperationType;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import org.jboss.weld.junit5.auto.ActivateScopes;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bindings as CDI defines them, lifecycle callbacks, and passivating scopes, in Weld SE. */
@MeasuredWeldTest
@ActivateScopes(SessionScoped.class)
@AddBeanClasses({StereotypedBean.class, OverridingBean.class, LifecycleBean.class, FailingStartBean.class,
    CallbackFreeBean.class, CartBean.class, InterceptedProducer.class})
class BeanKindsTest {

    @Inject
    MetricsBuffer buffer;

    @Inject
    BeanManager beans;

    private Metric only() {
        assertThat(buffer.getAll()).hasSize(1);
        return buffer.getAll().get(0);
    }

    @Nested
    @DisplayName("bindings")
    class Bindings {

        @Inject
        StereotypedBean stereotyped;

        @Inject
        OverridingBean overriding;

        @Inject
        PlainRepository produced;

        @Test
        void aStereotypeCarriesTheBinding() {
            assertThat(stereotyped.page()).isEqualTo("page");
            assertThat(only().operationName()).isEqualTo("StereotypedBean.page");
            assertThat(only().operationType()).isEqualTo(OperationType.RENDER);
        }

        @Test
        @DisplayName("an unannotated override takes its own class's binding, not the overridden method's")
        void anOverrideTakesItsOwnClassBinding() {
            assertThat(overriding.fetch()).isEqualTo("own");
            assertThat(only().operationName()).isEqualTo("OverridingBean.fetch");
            assertThat(only().operationType()).isEqualTo(OperationType.DATABASE);
        }

        @Test
        void anInheritedMethodKeepsItsMethodLevelBinding() {
            assertThat(overriding.kept()).isEqualTo("kept");
            assertThat(only().operationName()).isEqualTo("base kept");
            assertThat(only().operationType()).isEqualTo(OperationType.HTTP);
        }

        @Test
        void interceptionFactoryWithTheLiteralIsRecorded() {
            assertThat(produced.find("7")).isEqualTo("found 7");
            assertThat(only().operationName()).isEqualTo("PlainRepository.find");
            assertThat(only().operationType()).isEqualTo(OperationType.DATABASE);
        }
    }

    @Nested
    @DisplayName("lifecycle callbacks of class-bound beans")
    class Lifecycle {

        @Inject
        Instance<LifecycleBean> lifecycle;

        @Inject
        Instance<FailingStartBean> failing;

        @Inject
        Instance<CallbackFreeBean> callbackFree;

        @Test
        void postConstructAndPreDestroyAreTimedUnderTheBeanClass() {
            LifecycleBean bean = lifecycle.get();
            assertThat(bean.isOpen()).isTrue();
            lifecycle.destroy(bean);
            assertThat(buffer.getAll()).extracting(Metric::operationName)
                    .containsExactly("LifecycleBean.@PostConstruct", "LifecycleBean.isOpen", "LifecycleBean.@PreDestroy");
            assertThat(buffer.getAll()).allSatisfy(metric -> {
                assertThat(metric.operationType()).isEqualTo(OperationType.SERVICE);
                assertThat(metric.metadata()).containsEntry("outcome", "success");
            });
        }

        @Test
        void aFailingCallbackIsAnErrorAndItsExceptionPropagates() {
            assertThatThrownBy(() -> failing.get().work())
                    .satisfies(thrown -> assertThat(causes(thrown)).contains(FailingStartBean.FAILURE));
            assertThat(only().operationName()).isEqualTo("FailingStartBean.@PostConstruct");
            assertThat(only().metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "outcome", "error", "exception", IllegalStateException.class.getName()));
        }

        @Test
        void aBeanWithoutCallbacksRecordsOnlyItsMethods() {
            CallbackFreeBean bean = callbackFree.get();
            assertThat(bean.call()).isEqualTo("called");
            callbackFree.destroy(bean);
            assertThat(only().operationName()).isEqualTo("CallbackFreeBean.call");
        }

        private java.util.List<Throwable> causes(Throwable thrown) {
            java.util.List<Throwable> chain = new java.util.ArrayList<>();
            for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
                chain.add(t);
            }
            return chain;
        }
    }

    @Nested
    @DisplayName("passivating scopes")
    class Passivation {

        @Test
        @DisplayName("a session-scoped bean survives serialization with its interceptor and keeps recording")
        void aSessionBeanIsTimedAfterARoundTrip() throws Exception {
            @SuppressWarnings("unchecked")
            Bean<CartBean> bean = (Bean<CartBean>) beans.resolve(beans.getBeans(CartBean.class));
            Context session = beans.getContext(SessionScoped.class);
            CartBean instance = session.get(bean, beans.createCreationalContext(bean));
            assertThat(instance.add("first")).isEqualTo(1);

            CartBean restored = roundTrip(instance);
            assertThat(restored).isNotSameAs(instance);
            assertThat(restored.add("second")).isEqualTo(2);
            assertThat(buffer.getAll()).extracting(Metric::operationName).containsExactly("CartBean.add", "CartBean.add");
        }

        @SuppressWarnings("unchecked")
        private <T> T roundTrip(T object) throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        }
    }
}
