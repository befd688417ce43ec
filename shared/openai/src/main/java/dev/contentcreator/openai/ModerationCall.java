package dev.contentcreator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.core.ObjectMappers;
import com.openai.errors.OpenAIException;
import com.openai.models.moderations.Moderation;
import com.openai.models.moderations.ModerationCreateParams;
import com.openai.models.moderations.ModerationCreateResponse;
import dev.contentcreator.core.ports.ai.Moderator.Verdict;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One moderations.create call, read into a verdict with the names of the flagged categories. */
final class ModerationCall {
  private ModerationCall() {}

  static Verdict run(OpenAIClient client, OpenAiErrors errors, String model, String text) throws ProviderException {
    try {
      ModerationCreateResponse answer = client.moderations()
          .create(ModerationCreateParams.builder().model(model).input(text).build());
      if (answer.results().isEmpty()) {
        throw errors.malformed("no moderation result");
      }
      boolean flagged = false;
      Set<String> categories = new LinkedHashSet<>();
      for (Moderation result : answer.results()) {
        flagged |= result.flagged();
        // Read the categories as JSON to keep OpenAI's names ("self-harm/intent") and any new ones.
        JsonNode node = ObjectMappers.jsonMapper().valueToTree(result.categories());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> category = it.next();
          if (category.getValue().isBoolean() && category.getValue().booleanValue()) {
            categories.add(category.getKey());
          }
        }
      }
      return new Verdict(flagged, java.util.List.copyOf(new ArrayList<>(categories)));
    } catch (OpenAIException e) {
      throw SdkFailures.classify(errors, e);
    }
  }
}
