package io.github.cwmarketing.whatsapp;

import java.io.IOException;

import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.send.Pacer;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * What every producer of the component does: validate the input and build the request before any network call, send
 * it through the endpoint's sender without blocking the route thread, and put the result on the message. The exchange
 * continues on the HTTP client's I/O thread once the Graph API answers (or the last retry fails).
 */
abstract class GraphApiProducer extends DefaultAsyncProducer {

    /** A request ready to send, and the pacing bucket it waits in (null = not paced). */
    protected record PreparedRequest(GraphApiRequest request, Pacer pacer) {
    }

    protected GraphApiProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public WhatsAppMarketingEndpoint getEndpoint() {
        return (WhatsAppMarketingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().sender();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PreparedRequest prepared;
        try {
            prepared = prepare(exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        getEndpoint().sender().send(prepared.request(), prepared.pacer())
                .whenComplete((response, failure) -> complete(exchange, response, failure, callback));
        return false;
    }

    /** Validates the message and builds the request; anything wrong is thrown here, before any network call. */
    protected abstract PreparedRequest prepare(Message in) throws Exception;

    /** Puts the Graph API's successful answer on the message. */
    protected abstract void setResult(Message message, GraphApiResponse response) throws IOException;

    private void complete(Exchange exchange, GraphApiResponse response, Throwable failure, AsyncCallback callback) {
        try {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                setResult(exchange.getMessage(), response);
            }
        } catch (WhatsAppMarketingApiException e) {
            exchange.setException(e);
        } catch (IOException | RuntimeException e) {
            exchange.setException(new IllegalStateException("Unreadable Graph API response to "
                                                            + getEndpoint().getOperation() + ": " + e.getMessage(), e));
        } finally {
            callback.done(false);
        }
    }

    /** The header's value, else the option's. */
    protected static String header(Message in, String name, String fallback) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : fallback;
    }
}
