package dev.contentcreator.core.hooks;

/** A hook made or rotated, with its secret: the one answer that ever shows it. */
public record IssuedHook(HookView hook, String secret) {}
