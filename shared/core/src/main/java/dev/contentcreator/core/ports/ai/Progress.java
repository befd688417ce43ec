package dev.contentcreator.core.ports.ai;

/** Where a provider reports progress while it works: text as it streams, a percentage. */
public interface Progress {
  Progress NONE = new Progress() {
    @Override public void textDelta(String delta) { }
    @Override public void percent(int percent) { }
  };

  void textDelta(String delta);

  void percent(int percent);
}
