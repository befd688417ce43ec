package dev.contentcreator.ai.guard;

import dev.contentcreator.core.ports.ai.ProviderException;

/**
 * One provider call. It reports a failed call as a classified {@link ProviderException}; anything
 * unchecked it throws is treated as a bug and passes through the guard untouched.
 */
@FunctionalInterface
public interface CheckedSupplier<T> {
  T get() throws ProviderException;
}
