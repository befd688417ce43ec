package dev.contentcreator.core.knowledge;

import com.google.gson.JsonObject;
import dev.contentcreator.core.domain.Ids;
import dev.contentcreator.core.domain.KnowledgeSource;
import dev.contentcreator.core.domain.Role;
import dev.contentcreator.core.generation.GenerationSettings;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.json.Json;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.net.FetchException;
import dev.contentcreator.core.net.FetchedMedia;
import dev.contentcreator.core.net.SafeFetcher;
import dev.contentcreator.core.ports.BlobStore;
import dev.contentcreator.core.ports.Document;
import dev.contentcreator.core.ports.DocumentStore;
import dev.contentcreator.core.ports.Embedder;
import dev.contentcreator.core.ports.InvalidCursorException;
import dev.contentcreator.core.ports.Page;
import dev.contentcreator.core.ports.Query;
import dev.contentcreator.core.ports.TaskHandler;
import dev.contentcreator.core.ports.TaskQueue;
import dev.contentcreator.core.ports.Vectors;
import dev.contentcreator.core.projects.Listing;
import dev.contentcreator.core.projects.ProjectService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A project's brand knowledge: documents added by upload (PDF, Markdown, plain text; the kind told
 * from the bytes) or by web address (fetched through the safe fetcher, so no private or metadata
 * address is reached), read to text, split into passages ({@link PassageSplitter}), embedded by the
 * {@link Embedder} and kept in the {@link Vectors} port; searched by meaning, and by generations
 * that ask for it. The text read from each document is kept as a blob beside the project's other
 * files, so its passages can be embedded again (another model, a lost index) without the original.
 *
 * <p>A small document is indexed within the request that adds it; a large one (more than
 * {@code KNOWLEDGE_INLINE_PASSAGES} passages) is queued and indexed by an {@value #INDEX_HANDLER}
 * task, its status going queued, indexing, then ready or failed with a reason. Editors and owners add
 * and delete; every member lists and searches; anyone else gets the 404 of a missing project.
 */
public final class KnowledgeService {
  public static final String DOCS = "knowledgedocs";
  public static final String INDEX_HANDLER = "index-knowledge";
  /** Indexing tasks share the queue every adapter and the tasks function already serve. */
  public static final String QUEUE = GenerationSettings.QUEUE;
  public static final int MAX_NAME = 200;
  public static final int MAX_QUERY = 2000;
  static final int EXCERPT_CHARS = 1500;
  static final int MAX_ATTEMPTS = 3;
  private static final int EMBED_BATCH = 64;
  private static final ApiException NOT_FOUND = ApiException.notFound("No such document in this project's knowledge.");

  private final DocumentStore documents;
  private final ProjectService projects;
  private final Supplier<BlobStore> blobs;
  private final Supplier<Vectors> vectors;
  private final Supplier<Embedder> embedder;
  private final Supplier<TaskQueue> tasks;
  private final Supplier<SafeFetcher> fetcher;
  private final Supplier<Optional<DocumentReader>> reader;
  private final KnowledgeSettings settings;
  private final Clock clock;
  private final PassageSplitter splitter = PassageSplitter.standard();

  public KnowledgeService(DocumentStore documents, ProjectService projects, Supplier<BlobStore> blobs,
      Supplier<Vectors> vectors, Supplier<Embedder> embedder, Supplier<TaskQueue> tasks, Supplier<SafeFetcher> fetcher,
      Supplier<Optional<DocumentReader>> reader, KnowledgeSettings settings, Clock clock) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.projects = Objects.requireNonNull(projects, "projects");
    this.blobs = Objects.requireNonNull(blobs, "blobs");
    this.vectors = Objects.requireNonNull(vectors, "vectors");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The fetcher of pages people name: any public host (https, or http to loopback when
   * {@code allowHttpLoopback}), every address checked, pinned and capped at {@code maxBytes}.
   */
  public static SafeFetcher pageFetcher(long maxBytes, boolean allowHttpLoopback) {
    return SafeFetcher.builder().withAllowlist(dev.contentcreator.core.net.HostAllowlist.anyHost())
        .withMaxBytes(maxBytes).withMaxRedirects(3).withPlainHttpToLoopback(allowHttpLoopback).build();
  }

  /** The task handler of background indexing, by name, for the local queue and the tasks function. */
  public static Map<String, TaskHandler> handlers(Supplier<KnowledgeService> knowledge) {
    Objects.requireNonNull(knowledge, "knowledge");
    return Map.of(INDEX_HANDLER, (context, payload) -> knowledge.get().indexTask(context, payload));
  }

  public static KnowledgeDoc doc(Document d) {
    return Json.fromTree(d.data(), KnowledgeDoc.class);
  }

  /** The project's documents, newest first, with their status and passage counts. Members. */
  public Listing<KnowledgeDoc> list(String uid, String projectId, int limit, String cursor) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    Page page;
    try {
      page = documents.query(Query.on(DOCS).whereEqualTo("projectId", projectId)
          .orderBy("createdAt", Query.Direction.DESCENDING).limit(limit).startAfter(cursor).build());
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", "is not a cursor this list gave out; start again without it");
    }
    return new Listing<>(page.items().stream().map(KnowledgeService::doc).toList(), page.nextCursor());
  }

  /** One document. Members. */
  public KnowledgeDoc get(String uid, String projectId, String docId) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    return find(projectId, docId).orElseThrow(() -> NOT_FOUND);
  }

  private Optional<KnowledgeDoc> find(String projectId, String docId) {
    if (!Ids.isWellFormed(docId)) {
      return Optional.empty();
    }
    return documents.get(DOCS, docId).map(KnowledgeService::doc).filter(d -> d.projectId().equals(projectId));
  }

  /** Adds an uploaded document named {@code name}; its kind is told from its bytes. Editors. */
  public KnowledgeDoc upload(String uid, String projectId, String name, byte[] bytes) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    String checkedName = checkName(name);
    if (bytes.length == 0) {
      throw ApiException.badRequest("body", "the document is empty");
    }
    if (bytes.length > settings.maxUploadBytes()) {
      throw tooLarge();
    }
    DocumentKind kind = DocumentKind.sniff(bytes, checkedName).orElseThrow(() -> {
      Log.info("knowledge upload refused: not a PDF, Markdown, text or HTML document (project " + projectId + ")");
      return ApiException.of(415, "unsupported-media-type", "Unsupported document",
          "Brand knowledge reads PDF, Markdown, plain text (UTF-8) and HTML documents; this is none of them.");
    });
    return add(uid, projectId, checkedName, kind, "upload", null, bytes);
  }

  /** Adds the page at {@code url}, fetched through the safe fetcher. Editors. */
  public KnowledgeDoc addUrl(String uid, String projectId, String url) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    FetchedMedia page;
    try {
      page = fetcher.get().fetch(url);
    } catch (FetchException e) {
      Log.info("knowledge address refused for project " + projectId + ": " + e.getMessage());
      if (e instanceof dev.contentcreator.core.net.RefusedAddressException
          || e instanceof dev.contentcreator.core.net.TooLargeException) {
        throw e.toApiException();
      }
      // A host that does not resolve or answer is the address given, as for a webhook: 422, not 502.
      throw ApiException.unprocessable("url", "The page could not be fetched: " + e.toApiException().detail());
    }
    byte[] bytes = page.bytes();
    if (bytes.length > settings.maxUploadBytes()) {
      throw tooLarge();
    }
    String name = nameOf(url);
    DocumentKind kind = DocumentKind.sniff(bytes, name).orElseThrow(() -> ApiException.of(415,
        "unsupported-media-type", "Unsupported document", "The address did not answer with a page, a PDF or text."));
    return add(uid, projectId, name, kind, "url", url, bytes);
  }

  private KnowledgeDoc add(String uid, String projectId, String name, DocumentKind kind, String source, String url,
      byte[] bytes) {
    String text = textOf(kind, bytes);
    if (text.isBlank()) {
      throw ApiException.unprocessable("body", "the document has no text to read");
    }
    List<Passage> passages = splitter.split(text);
    if (passages.isEmpty()) {
      throw ApiException.unprocessable("body", "the document has no text to read");
    }
    if (passages.size() > settings.maxPassages()) {
      throw ApiException.unprocessable("body", "the document has " + passages.size() + " passages; at most "
          + settings.maxPassages() + " are indexed");
    }
    Instant now = clock.instant();
    KnowledgeDoc doc = new KnowledgeDoc(Ids.newId(), projectId, name, kind.wireName(), source, url, bytes.length,
        KnowledgeDoc.QUEUED, null, passages.size(), null, 0, uid, now, now);
    try {
      blobs.get().put(textKey(projectId, doc.id()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          "text/plain; charset=utf-8");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not keep the text of a knowledge document", e);
    }
    documents.create(DOCS, doc.id(), Json.toTree(doc).getAsJsonObject());
    if (passages.size() <= settings.inlinePassages()) {
      try {
        return index(doc, passages);
      } catch (IOException | RuntimeException e) {
        Log.error("indexing knowledge document " + doc.id() + " failed", e);
        return save(doc.withStatus(KnowledgeDoc.FAILED, reason(e), passages.size(), null, 0, clock.instant()));
      }
    }
    JsonObject payload = new JsonObject();
    payload.addProperty("docId", doc.id());
    tasks.get().enqueue(new TaskQueue.Task(QUEUE, "kn-" + doc.id(), INDEX_HANDLER, payload, now));
    return doc;
  }

  /** The {@value #INDEX_HANDLER} task: payload {@code {"docId": ...}}. */
  void indexTask(TaskHandler.Context context, JsonObject payload) throws Exception {
    String docId = payload.get("docId").getAsString();
    Optional<KnowledgeDoc> found = documents.get(DOCS, docId).map(KnowledgeService::doc);
    if (found.isEmpty() || found.get().status().equals(KnowledgeDoc.READY)) {
      return;
    }
    KnowledgeDoc doc = found.get();
    try {
      Optional<InputStream> in = blobs.get().open(textKey(doc.projectId(), doc.id()));
      if (in.isEmpty()) {
        save(doc.withStatus(KnowledgeDoc.FAILED, "Its text was not found; add the document again.", 0, null, 0,
            clock.instant()));
        return;
      }
      String text;
      try (InputStream stream = in.get()) {
        text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      }
      index(doc, splitter.split(text));
    } catch (IOException | RuntimeException e) {
      if (context.attempt() < MAX_ATTEMPTS) {
        throw e;
      }
      Log.error("indexing knowledge document " + docId + " failed on its last attempt", e);
      documents.get(DOCS, docId).map(KnowledgeService::doc).ifPresent(d ->
          save(d.withStatus(KnowledgeDoc.FAILED, reason(e), d.passageCount(), null, 0, clock.instant())));
    }
  }

  /** Embeds and stores every passage of {@code doc}, then marks it ready. */
  private KnowledgeDoc index(KnowledgeDoc doc, List<Passage> passages) throws IOException {
    save(doc.withStatus(KnowledgeDoc.INDEXING, null, passages.size(), null, 0, clock.instant()));
    Embedder e = embedder.get();
    for (int from = 0; from < passages.size(); from += EMBED_BATCH) {
      List<Passage> batch = passages.subList(from, Math.min(passages.size(), from + EMBED_BATCH));
      List<float[]> made = e.embed(batch.stream().map(Passage::embeddedText).toList());
      List<Vectors.Entry> entries = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Passage p = batch.get(i);
        Map<String, String> metadata = new HashMap<>();
        metadata.put("documentName", doc.name());
        metadata.put("heading", p.heading());
        metadata.put("index", Integer.toString(p.index()));
        metadata.put("text", excerpt(p.embeddedText()));
        entries.add(new Vectors.Entry(passageId(doc.id(), p.index()), doc.id(), new Vectors.Embedding(e.model(),
            made.get(i)), metadata));
      }
      try {
        vectors.get().upsertAll(doc.projectId(), entries);
      } catch (Vectors.MixedEmbeddingsException mixed) {
        throw ApiException.conflict("This project's knowledge was indexed with another embedding model; delete its "
            + "documents and add them again to index them with " + e.model() + ".");
      }
    }
    // Deleted while it was being indexed: what was just stored goes too.
    if (documents.get(DOCS, doc.id()).isEmpty()) {
      vectors.get().deleteDocument(doc.projectId(), doc.id());
      return doc;
    }
    return save(doc.withStatus(KnowledgeDoc.READY, null, passages.size(), e.model(), e.dimensions(), clock.instant()));
  }

  /** Removes a document, its vectors and its text. Editors. */
  public void delete(String uid, String projectId, String docId) {
    projects.requireRole(uid, projectId, Role.EDITOR);
    KnowledgeDoc doc = find(projectId, docId).orElseThrow(() -> NOT_FOUND);
    documents.delete(DOCS, doc.id());
    vectors.get().deleteDocument(projectId, doc.id());
    try {
      blobs.get().delete(textKey(projectId, doc.id()));
    } catch (IOException e) {
      Log.warning("the text of deleted knowledge document " + doc.id() + " stays in the blob store", e);
    }
  }

  /** The {@code k} passages nearest in meaning to {@code q}. Members. */
  public List<KnowledgeSource> search(String uid, String projectId, String q, int k) {
    projects.requireRole(uid, projectId, Role.VIEWER);
    if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
      throw ApiException.badRequest("q", "must be 1 to " + MAX_QUERY + " characters long");
    }
    return retrieve(projectId, q, k);
  }

  /** The passages nearest to {@code query}, without a role check (the generation has made it). */
  public List<KnowledgeSource> retrieve(String projectId, String query, int k) {
    Vectors.Embedding embedding;
    try {
      embedding = embedder.get().embedOne(query);
    } catch (IOException e) {
      Log.warning("could not embed a knowledge query for project " + projectId, e);
      throw ApiException.of(503, "embeddings-unavailable", "Brand knowledge cannot be searched now",
          "The embedding service did not answer: " + e.getMessage() + " Try again in a moment.");
    }
    List<Vectors.Neighbour> found;
    try {
      found = vectors.get().nearest(projectId, embedding, k);
    } catch (Vectors.MixedEmbeddingsException e) {
      throw ApiException.conflict("This project's knowledge was indexed with another embedding model; delete its "
          + "documents and add them again.");
    }
    return found.stream().map(n -> new KnowledgeSource(n.documentId(), n.metadata().getOrDefault("documentName", ""),
        n.passageId(), n.metadata().getOrDefault("text", ""), Math.round((1 - n.distance()) * 10_000) / 10_000.0))
        .toList();
  }

  /** How many passages a generation takes. */
  public int topK() {
    return settings.topK();
  }

  private String textOf(DocumentKind kind, byte[] bytes) {
    return switch (kind) {
      case PDF -> {
        try {
          yield reader().pdfText(bytes);
        } catch (IOException | RuntimeException e) {
          Log.info("knowledge PDF unreadable: " + e.getMessage());
          throw ApiException.unprocessable("body", "the PDF could not be read: " + e.getMessage());
        }
      }
      case HTML -> reader().htmlText(DocumentKind.utf8(bytes).orElse(""));
      case MARKDOWN, TEXT -> DocumentKind.utf8(bytes).orElse("");
    };
  }

  private DocumentReader reader() {
    return reader.get().orElseThrow(() -> new IllegalStateException(
        "no DocumentReader on the classpath: add the extract module to this function"));
  }

  private KnowledgeDoc save(KnowledgeDoc doc) {
    if (documents.get(DOCS, doc.id()).isPresent()) {
      documents.set(DOCS, doc.id(), Json.toTree(doc).getAsJsonObject());
    }
    return doc;
  }

  public static String passageId(String docId, int index) {
    return docId + "-" + index;
  }

  /** Where a document's text is kept: under the project's blobs, so a project's purge takes it. */
  static String textKey(String projectId, String docId) {
    return "projects/" + projectId + "/knowledge/" + docId + ".txt";
  }

  private static String excerpt(String text) {
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS - 1) + "…";
  }

  private static String checkName(String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME || dev.contentcreator.core.http.JsonBody.hasControl(n)) {
      throw ApiException.badRequest("name", "must be 1 to " + MAX_NAME + " characters, without control characters");
    }
    return n;
  }

  private static String nameOf(String url) {
    try {
      URI u = URI.create(url);
      String path = u.getPath() == null ? "" : u.getPath();
      String n = u.getHost() + (path.isEmpty() || path.equals("/") ? "" : path);
      return n.length() > MAX_NAME ? n.substring(0, MAX_NAME) : n;
    } catch (IllegalArgumentException e) {
      return "page";
    }
  }

  private static String reason(Exception e) {
    if (e instanceof ApiException api) {
      return api.getMessage();
    }
    if (e instanceof IOException && e.getCause() instanceof dev.contentcreator.core.ports.ai.ProviderException p) {
      return p.userMessage();
    }
    return "Indexing failed on our side; it has been logged. Add the document again.";
  }

  private static ApiException tooLarge() {
    return ApiException.of(413, "payload-too-large", "The document is too large",
        "Brand knowledge documents may be at most the size the server allows (KNOWLEDGE_MAX_UPLOAD_BYTES).");
  }
}
