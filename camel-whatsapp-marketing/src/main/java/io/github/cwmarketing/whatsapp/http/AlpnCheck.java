package io.github.cwmarketing.whatsapp.http;

import java.net.SocketAddress;

import javax.net.ssl.SSLException;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TlsDetails;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;

/**
 * A TLS strategy that ends a connection whose server did not choose HTTP/2 in the handshake (ALPN) and says so: the
 * transport then sends over HTTP/1.1 instead. The request of that connection was not written, so it is "not sent"
 * and retried like any connection failure.
 */
final class AlpnCheck implements TlsStrategy {

    private final TlsStrategy delegate;
    private final Runnable noHttp2;

    AlpnCheck(TlsStrategy delegate, Runnable noHttp2) {
        this.delegate = delegate;
        this.noHttp2 = noHttp2;
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean upgrade(TransportSecurityLayer sessionLayer, HttpHost host, SocketAddress localAddress,
                           SocketAddress remoteAddress, Object attachment, Timeout handshakeTimeout) {
        return delegate.upgrade(sessionLayer, host, localAddress, remoteAddress, attachment, handshakeTimeout);
    }

    @Override
    public void upgrade(TransportSecurityLayer sessionLayer, NamedEndpoint endpoint, Object attachment,
                        Timeout handshakeTimeout, FutureCallback<TransportSecurityLayer> callback) {
        delegate.upgrade(sessionLayer, endpoint, attachment, handshakeTimeout, new FutureCallback<>() {
            @Override
            public void completed(TransportSecurityLayer layer) {
                TlsDetails details = layer.getTlsDetails();
                String protocol = details == null ? null : details.getApplicationProtocol();
                if ("h2".equals(protocol)) {
                    callback.completed(layer);
                } else {
                    noHttp2.run();
                    callback.failed(new SSLException("The server did not choose HTTP/2 (ALPN: " + protocol + ")"));
                }
            }

            @Override
            public void failed(Exception cause) {
                callback.failed(cause);
            }

            @Override
            public void cancelled() {
                callback.cancelled();
            }
        });
    }
}
