package dev.contentcreator.redis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Opens a Redis client from a URI: {@code redis://[[user]:password@]host:port/db}, or
 * {@code rediss://...} for TLS in transit. The user and password of the URI are sent with AUTH
 * (Memorystore's AUTH string is the password, with no user). With TLS, the server's certificate
 * must chain to the given CA certificates (Memorystore's instance CA, which signs that instance's
 * certificate only), else to the JVM's trusted authorities.
 */
final class RedisConnections {
  /** Connections a client keeps at most when not told: the local server's default request threads. */
  static final int DEFAULT_POOL_SIZE = 32;

  private RedisConnections() {}

  static int checkPoolSize(int poolSize) {
    if (poolSize < 1 || poolSize > 1024) {
      throw new IllegalArgumentException("the Redis pool size must be 1 to 1024, got " + poolSize);
    }
    return poolSize;
  }

  /**
   * @param caCertificates PEM text of the CA certificates to trust for {@code rediss://}, or a path
   *     to a file holding it; null for the JVM's trusted authorities
   * @param poolSize the most connections kept, all of them kept open once made (idle ones too), so
   *     that as many threads as that never wait for one or open one on a request's path
   */
  static UnifiedJedis open(URI uri, String caCertificates, int poolSize) {
    RedisUris.check(uri);
    boolean tls = "rediss".equalsIgnoreCase(uri.getScheme());
    if (caCertificates != null && !tls) {
      throw new IllegalArgumentException("REDIS_CA_CERT is set but REDIS_URL is not rediss://: use rediss:// "
          + "so the connection is encrypted and the server checked against that CA");
    }
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder(uri);
    if (tls && caCertificates != null) {
      config.sslSocketFactory(trusting(caCertificates));
    }
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(checkPoolSize(poolSize));
    pool.setMaxIdle(poolSize);
    // Commons Pool would register the pool as an MBean, which starts the JVM's platform MBean
    // server: some 300 classes on a new instance's first request, for numbers nobody reads.
    pool.setJmxEnabled(false);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
  }

  /** A TLS socket factory that trusts only the certificates in {@code pemOrPath}. */
  static SSLSocketFactory trusting(String pemOrPath) {
    try {
      String pem = pemOrPath.strip().startsWith("-----BEGIN")
          ? pemOrPath : Files.readString(Path.of(pemOrPath.strip()), StandardCharsets.UTF_8);
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException("REDIS_CA_CERT holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) {
        store.setCertificateEntry("redis-ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException e) {
      throw new IllegalArgumentException("REDIS_CA_CERT names a file that cannot be read: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("REDIS_CA_CERT is not PEM X.509 certificates: " + e.getMessage(), e);
    }
  }
}
