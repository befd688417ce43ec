package dev.contentcreator.local;

/**
 * What the local commands say to the person at the terminal, which is not a log: how to call a
 * command, what it did and what it refused ({@code Backup}, {@code Restore}), and how the server
 * came up (where it listens, which Auth emulator and backups it uses, why it would not start).
 * These are plain lines on standard error, read once by whoever ran the command. Everything the
 * running server reports about its work goes through the structured log instead.
 */
final class Console {
  private Console() {}

  static void say(String line) {
    System.err.println(line);
  }
}
