package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.webhooks.CallbackUrls;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks an item of its job's provider, through the provider policy (bulkhead, retries, circuit,
 * timeout): OpenAI and the demo answer in the call, streaming text as it comes; an asynchronous
 * provider (GoAPI) takes a task, to be polled or finished by its webhook. A failure is the
 * adapter's {@link ProviderException}, saying why; what happens next is the runner's to decide.
 */
record ProviderCalls(Supplier<Providers> providers, Supplier<ProviderPolicy> policy, ItemEvents news,
    GenerationSettings settings, Clock clock) {

  /** What a call started: the result itself, or the provider's task that will make it. */
  sealed interface Started {
    record Made(ItemResult result) implements Started {}

    record Submitted(String providerTaskId) implements Started {}
  }

  Started start(GenerationJob job, GenerationItem item) throws ProviderException {
    ItemRequest request = request(job, item);
    Optional<SyncProvider> sync = providers.get().sync(job.provider());
    if (sync.isPresent()) {
      return new Started.Made(policy.get().call(job.provider(), () -> {
        // Each try streams the text from its start: what an earlier, failed try streamed is void.
        news.restarted(job.id(), item.index());
        return sync.get().generate(request, news.progress(job.id(), item.index()));
      }));
    }
    AsyncProvider async = providers.get().async(job.provider()).orElseThrow(() -> new ProviderException(
        ProviderException.Kind.PERMANENT, job.provider(), "provider not configured",
        job.provider() + " is not configured on this server any more.", 0, null, null));
    // A signed, dated address per item: the webhook refuses calls to an address not issued here or too old.
    String secret = settings.webhookSecret();
    String webhook = settings.publicBaseUrl() == null || secret == null ? null
        : CallbackUrls.forItem(settings.publicBaseUrl(), job.provider(), item.id(), secret, clock.instant());
    return new Started.Submitted(policy.get().call(job.provider(), () -> async.submit(request, webhook,
        webhook == null ? null : secret)));
  }

  /** The state of the item's task at its provider. */
  TaskStatus poll(GenerationJob job, GenerationItem item) throws ProviderException {
    AsyncProvider async = providers.get().async(job.provider()).orElseThrow();
    return policy.get().call(job.provider(), () -> async.poll(item.providerTaskId()));
  }

  private ItemRequest request(GenerationJob job, GenerationItem item) {
    Map<String, String> options = new HashMap<>(job.options());
    if (job.kind() == ContentKind.TEXT) {
      // The reservation counted on this cap: the provider is held to it.
      options.putIfAbsent("maxTokens", Integer.toString(settings.maxOutputTokens()));
    }
    return new ItemRequest(item.id(), job.kind(), job.model(), Jobs.promptOf(job, item), job.systemPrompt(), options,
        job.requestedBy());
  }
}
