package io.measured.demo.messaging;

import io.measured.Measured;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Receives shipment events from the application's own queue; every delivery is timed. */
@JMSDestinationDefinition(name = ShipmentListener.QUEUE, interfaceName = "jakarta.jms.Queue", destinationName = "demoShipments")
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = ShipmentListener.QUEUE),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@Measured
public class ShipmentListener implements MessageListener {

    static final String QUEUE = "java:app/jms/demoShipments";

    /** What was received, for the resource to show. */
    static final Queue<String> RECEIVED = new ConcurrentLinkedQueue<>();

    @Override
    public void onMessage(Message message) {
        try {
            RECEIVED.add(((TextMessage) message).getText());
        } catch (JMSException e) {
            throw new IllegalStateException("could not read a shipment event", e);
        }
    }
}
