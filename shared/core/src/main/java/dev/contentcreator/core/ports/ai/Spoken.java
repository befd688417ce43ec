package dev.contentcreator.core.ports.ai;

import java.time.Duration;

/**
 * Durations as the reasons a person reads say them, alike wherever a provider call's failure is
 * worded: whole minutes when it is that, else seconds rounded up (never "0 minutes", never "PT30S").
 */
public final class Spoken {
  private Spoken() {}

  public static String duration(Duration d) {
    if (d.toMinutes() >= 1 && d.toSecondsPart() == 0 && d.toNanosPart() == 0) {
      long minutes = d.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
    return seconds + (seconds == 1 ? " second" : " seconds");
  }
}
