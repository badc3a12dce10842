/**
 * A message-driven bean and what sends to it: only in {@code demo-messaging.war}, deployed to the
 * full-profile servers that have a JMS broker (the main demo WAR leaves this package out, since
 * Payara Micro and Open Liberty's web profile have none).
 */
package io.measured.demo.messaging;
