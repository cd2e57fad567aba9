package io.github.cwmarketing.whatsapp.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP/1.1 POST over a raw socket, sent piece by piece: a client that announces a body and trickles it, or sends
 * it chunked and never finishes, and reads the answer whenever the server gives one. What the JDK's HttpClient cannot
 * do: it reads no answer before it has sent the whole body.
 */
public final class RawHttpUpload implements AutoCloseable {

    private static final byte[] CRLF = { '\r', '\n' };

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final boolean chunked;
    private String statusLine;

    private RawHttpUpload(Socket socket, boolean chunked) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.chunked = chunked;
    }

    /**
     * Sends the request line and headers: {@code Content-Length: contentLength}, or chunked when it is negative, plus
     * {@code Content-Type: application/json} and the given headers (name, value, name, value...).
     */
    public static RawHttpUpload start(int port, String path, long contentLength, String... headers)
            throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        RawHttpUpload upload = new RawHttpUpload(socket, contentLength < 0);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.put("Content-Type", "application/json");
        all.put(contentLength < 0 ? "Transfer-Encoding" : "Content-Length",
                contentLength < 0 ? "chunked" : Long.toString(contentLength));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        upload.out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        upload.out.flush();
        return upload;
    }

    /** Sends part of the body (one chunk when chunked); false when the server has closed the connection. */
    public boolean send(byte[] bytes, int offset, int length) {
        try {
            if (chunked) {
                out.write(Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII));
                out.write(CRLF);
            }
            out.write(bytes, offset, length);
            if (chunked) {
                out.write(CRLF);
            }
            out.flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    public boolean send(byte[] bytes) {
        return send(bytes, 0, bytes.length);
    }

    /** Ends a chunked body. */
    public boolean finish() {
        return send(new byte[0], 0, 0);
    }

    /** The status code of the answer, waiting at most the timeout; null when none came (yet). */
    public Integer awaitStatus(Duration timeout) throws IOException {
        if (statusLine == null) {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            StringBuilder line = new StringBuilder();
            try {
                int read;
                while ((read = in.read()) != -1 && read != '\n') {
                    line.append((char) read);
                }
            } catch (SocketTimeoutException noAnswerYet) {
                return null;
            }
            if (line.isEmpty()) {
                return null;
            }
            statusLine = line.toString().trim();
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** Whether the server closed the connection within the timeout (after its answer, whose rest is skipped). */
    public boolean awaitClosedByServer(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            byte[] skip = new byte[8192];
            while (in.read(skip) != -1) {
                // the rest of the answer
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
