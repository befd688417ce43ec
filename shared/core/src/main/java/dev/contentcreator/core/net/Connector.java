package dev.contentcreator.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a connection to one address that {@link SafeFetcher} has already vetted. An implementation
 * must connect to exactly {@code address} and must never resolve {@code hostName}: the name is for
 * TLS only (SNI and checking the certificate).
 */
@FunctionalInterface
public interface Connector {
  /**
   * @param address the vetted address to connect to
   * @param port the port
   * @param hostName the host name of the address being fetched, for SNI and the certificate check
   * @param tls whether to speak TLS; when true the socket returned has completed its handshake
   * @param timeout the longest the connection and handshake may take
   */
  Socket connect(InetAddress address, int port, String hostName, boolean tls, Duration timeout)
      throws IOException;

  /** Plain sockets, and TLS with the JDK's default trust store. */
  static Connector standard() {
    return new SocketConnector((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** Plain sockets, and TLS with the given context (for example one trusting a private CA). */
  static Connector standard(SSLContext context) {
    return new SocketConnector(Objects.requireNonNull(context, "context").getSocketFactory());
  }
}
