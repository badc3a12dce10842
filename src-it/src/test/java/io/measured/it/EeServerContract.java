package io.measured.it;

/**
 * {@link DemoContract} on an EE server: with every kind of bean an EE server has and every kind of
 * request a servlet container serves.
 */
abstract class EeServerContract extends DemoContract implements BeanKindsContract, HttpTimingContract {

    @Override
    void awaitStartupWork(Http http) {
        BeanKindsContract.awaitTickerDone(http);
    }
}
