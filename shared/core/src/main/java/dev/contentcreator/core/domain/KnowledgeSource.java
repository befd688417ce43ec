package dev.contentcreator.core.domain;

/**
 * A passage of a project's brand knowledge as a generation used it, or as a search found it: the
 * document it came from (id and name), the passage's id, an excerpt of its text, and how near it was
 * to the prompt or query (cosine similarity, 1 is the same direction).
 */
public record KnowledgeSource(String documentId, String documentName, String passageId, String excerpt, double score) {}
