package dev.contentcreator.core.ports;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secrets port: small values that must never be stored in the clear, such as a project's own
 * API key for a provider. Adapters: an encrypted key file on one machine (AES-GCM, its key in a
 * file of its own made readable by the owner only), Google Secret Manager in production. Every
 * adapter passes {@code SecretsContract}. A value is never logged, and no adapter lists values.
 */
public interface Secrets {

  /** What a secret's name may be: letters, digits, dashes and underscores, 1 to 200 of them. */
  Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,199}");

  /** Stores the value under the name, replacing any value it had. */
  void put(String name, String value) throws IOException;

  /** The value stored under the name, if there is one. */
  Optional<String> get(String name) throws IOException;

  /** Forgets the name and its value; a name never stored is fine. */
  void delete(String name) throws IOException;

  /** The name, checked against {@link #NAME}. */
  static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a secret's name is 1 to 200 letters, digits, dashes and underscores, got: "
          + name);
    }
    return name;
  }
}
