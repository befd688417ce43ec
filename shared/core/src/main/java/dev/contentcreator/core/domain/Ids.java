package dev.contentcreator.core.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** New document ids: 20 random letters and digits, as Firestore makes them (about 119 bits). */
public final class Ids {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{1,128}");

  private Ids() {}

  public static String newId() {
    char[] id = new char[20];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  /** Whether {@code s} could be an id this product made or Firebase Auth gave (a uid). */
  public static boolean isWellFormed(String s) {
    return s != null && WELL_FORMED.matcher(s).matches();
  }
}
