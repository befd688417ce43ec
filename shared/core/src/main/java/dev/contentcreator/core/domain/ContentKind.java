package dev.contentcreator.core.domain;

/** What a content item holds. */
public enum ContentKind { TEXT, IMAGE, VIDEO }
