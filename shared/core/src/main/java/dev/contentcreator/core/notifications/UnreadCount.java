package dev.contentcreator.core.notifications;

/** How many of a person's notifications are unread: {@code count}, exact up to {@code cap}; {@code more} past it. */
public record UnreadCount(int count, boolean more) {}
