package dev.contentcreator.core.knowledge;

import dev.contentcreator.core.ports.Embedder;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An embedder that calls out ({@link Embedder#guardName()} not null) behind the provider policy:
 * each call runs through its Failsafe guard (retry with backoff, circuit breaker, bulkhead) under
 * that name. An embedder that runs in the process is used as it is ({@link #of}).
 */
public final class GuardedEmbedder implements Embedder {
  private final Embedder delegate;
  private final Supplier<ProviderPolicy> policy;

  private GuardedEmbedder(Embedder delegate, Supplier<ProviderPolicy> policy) {
    this.delegate = delegate;
    this.policy = policy;
  }

  public static Embedder of(Embedder delegate, Supplier<ProviderPolicy> policy) {
    Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(policy, "policy");
    return delegate.guardName() == null ? delegate : new GuardedEmbedder(delegate, policy);
  }

  @Override
  public String model() {
    return delegate.model();
  }

  @Override
  public int dimensions() {
    return delegate.dimensions();
  }

  @Override
  public String guardName() {
    return delegate.guardName();
  }

  @Override
  public List<float[]> embed(List<String> texts) throws IOException {
    try {
      return policy.get().call(delegate.guardName(), () -> {
        try {
          return delegate.embed(texts);
        } catch (IOException e) {
          if (e.getCause() instanceof ProviderException p) {
            throw p;
          }
          throw new UncheckedIOException(e);
        }
      });
    } catch (ProviderException e) {
      throw new IOException(e.userMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
