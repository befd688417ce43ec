package dev.contentcreator.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into the addresses it has. {@link SafeFetcher} calls it once per hop and
 * connects only to an address it returned and vetted, so the answer is never looked up twice.
 */
@FunctionalInterface
public interface HostResolver {
  /** The system resolver ({@link InetAddress#getAllByName}). */
  HostResolver SYSTEM = InetAddress::getAllByName;

  InetAddress[] resolve(String host) throws UnknownHostException;
}
