package io.github.cwmarketing.whatsapp.examples.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, for the database and the instances' webhooks (kept across their restarts). */
final class FreePorts {

    private FreePorts() {
    }

    static int next() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
