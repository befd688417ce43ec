package dev.contentcreator.core.http;

/** The signed-in person behind a request, as their verified token names them. */
public record Caller(String uid, String email, String name, String picture) {}
