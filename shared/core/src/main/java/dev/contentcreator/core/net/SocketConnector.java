package dev.contentcreator.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The production {@link Connector}. It connects a plain TCP socket to the vetted address (never
 * through a proxy, which would resolve the name again), then, for https, layers TLS on that socket
 * with SNI set to the host name and the JDK's "HTTPS" endpoint identification switched on, so the
 * certificate must name the host even though the name was never used to connect.
 */
final class SocketConnector implements Connector {
  private final SSLSocketFactory tlsFactory;

  SocketConnector(SSLSocketFactory tlsFactory) {
    this.tlsFactory = tlsFactory;
  }

  @Override
  public Socket connect(InetAddress address, int port, String hostName, boolean tls, Duration timeout)
      throws IOException {
    int millis = SafeFetcher.clampMillis(timeout.toMillis());
    Socket raw = new Socket(Proxy.NO_PROXY);
    try {
      raw.connect(new InetSocketAddress(address, port), millis);
      if (!tls) {
        return raw;
      }
      SSLSocket socket = (SSLSocket) tlsFactory.createSocket(raw, hostName, port, true);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!AddressPolicy.isIpLiteral(hostName)) {
        parameters.setServerNames(List.of(new SNIHostName(hostName)));
      }
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(millis);
      socket.startHandshake();
      return socket;
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }
}
