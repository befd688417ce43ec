package dev.contentcreator.ai.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the demo's text: paragraphs made only of the prompt's words and a few fixed phrasings. */
final class DemoText {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");
  private static final Pattern TOKEN = Pattern.compile("\\S+\\s*");
  /** An instruction at the start of a prompt ("Write a short blog post about"), left out of the topic. */
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s*(please\\s+)?(write|create|make|generate|draft"
      + "|compose|give me)\\s+(me\\s+)?((a|an|the|some|one|two|three)\\s+)?((short|long|quick|brief)\\s+)?"
      + "((blog post|post|article|story|poem|caption|text|paragraph|description|tweet|email|essay|piece)s?\\s+)?"
      + "((about|on|for|of)\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> FILLER = Set.of("the", "and", "for", "with", "about", "into", "from", "that",
      "this", "these", "those", "write", "create", "make", "generate", "please", "our", "your", "their", "some",
      "are", "was", "were", "will", "can", "should", "would", "could", "its", "it's", "how", "what", "why", "who",
      "when", "which", "small", "big", "good", "best", "new", "post", "blog", "article", "text", "piece", "short", "long", "words");
  private static final int WORDS_PER_CHUNK = 2;
  private static final int TOPIC_WORDS = 8;

  /** A voice the system prompt can ask for, by one of its words. */
  enum Tone {
    FRIENDLY(List.of("friendly", "casual", "warm", "cheerful"),
        "Let's talk about {t}!", "Have fun with {a}, and see where it takes you!"),
    FORMAL(List.of("formal", "professional", "serious", "academic"),
        "This text considers {t}.", "In short, {a} deserves careful and sustained attention."),
    PLAYFUL(List.of("playful", "witty", "fun", "humorous", "funny"),
        "Ready for a little adventure with {t}?", "And that is the not-so-secret life of {a}."),
    BOLD(List.of("bold", "confident", "energetic", "punchy"),
        "{t}: this is where things change.", "Start with {a}. Start today."),
    CALM(List.of("calm", "gentle", "soothing", "quiet"),
        "Take a quiet moment to think about {t}.", "There is no hurry: let {a} unfold at its own pace."),
    NEUTRAL(List.of(), "This piece is about {t}.", "That, in the end, is what {a} comes down to.");

    private final List<String> words;
    private final String opener;
    private final String closer;

    Tone(List<String> words, String opener, String closer) {
      this.words = words;
      this.opener = opener;
      this.closer = closer;
    }
  }

  private static final List<String> BODY = List.of(
      "{a} is where most of the interest lies.",
      "It helps to look at {a} alongside {b}.",
      "Many people start with {a} and only later notice {b}.",
      "A simple first step is to write down what {a} means to you.",
      "The link between {a} and {b} is easy to miss at first.",
      "Seen up close, {a} has more to offer than it seems.",
      "Give {a} a little time, and {b} tends to follow.",
      "Small choices about {a} add up over weeks and months.",
      "There is no single right way to approach {b}.",
      "Clear goals make {a} much easier to handle.",
      "A good example of {a} is often more persuasive than a long argument.",
      "Whatever you decide about {b}, keep {a} in view.");

  private DemoText() { }

  static String write(String prompt, String systemPrompt, int paragraphs, Random random) {
    prompt = obeyFix(prompt);
    List<String> words = contentWords(prompt);
    String topic = topic(prompt, words);
    Tone tone = toneOf(systemPrompt);
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < paragraphs; p++) {
      List<String> sentences = new ArrayList<>();
      if (p == 0) {
        sentences.add(fill(tone.opener, topic, words, random));
      }
      int body = 2 + random.nextInt(2);
      for (int s = 0; s < body; s++) {
        sentences.add(fill(BODY.get(random.nextInt(BODY.size())), topic, words, random));
      }
      if (p == paragraphs - 1) {
        sentences.add(fill(tone.closer, topic, words, random));
      }
      if (p > 0) {
        text.append("\n\n");
      }
      text.append(String.join(" ", sentences));
    }
    return text.toString();
  }

  /** A banned term a fix's instructions name ({@code Uses the banned term "x".}). */
  private static final Pattern BROKEN_TERM = Pattern.compile("Uses the banned term \"([^\"\n]{1,50})\"");

  /**
   * A fix's request (see {@code FixPrompt}): the request before its instructions, without the
   * banned terms they name, as a model that is told what it broke leaves it out. Any other prompt
   * as it is: the demo writes the prompt's words, so a prompt with a banned term makes a text that
   * breaks the rule, and its fix one that keeps it.
   */
  static String obeyFix(String prompt) {
    int mark = prompt.indexOf(dev.contentcreator.core.brand.FixPrompt.HEADING);
    if (mark < 0) {
      return prompt;
    }
    String request = prompt.substring(0, mark);
    Matcher m = BROKEN_TERM.matcher(prompt.substring(mark));
    while (m.find()) {
      String phrase = String.join("\\s+", java.util.Arrays.stream(m.group(1).strip().split("\\s+"))
          .map(Pattern::quote).toList());
      request = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])").matcher(request)
          .replaceAll("");
    }
    request = request.replaceAll("[ \\t]{2,}", " ").strip();
    return request.isEmpty() ? "the subject" : request;
  }

  /** The tone named by the first tone word in the system prompt, or NEUTRAL. */
  static Tone toneOf(String systemPrompt) {
    if (systemPrompt == null) {
      return Tone.NEUTRAL;
    }
    Matcher m = WORD.matcher(systemPrompt.toLowerCase(Locale.ROOT));
    while (m.find()) {
      for (Tone tone : Tone.values()) {
        if (tone.words.contains(m.group())) {
          return tone;
        }
      }
    }
    return Tone.NEUTRAL;
  }

  /** The text cut into small pieces of a few words each, which join back into it exactly. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    StringBuilder chunk = new StringBuilder();
    int inChunk = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() > end) {
        chunk.append(text, end, m.start());
      }
      chunk.append(m.group());
      end = m.end();
      if (++inChunk == WORDS_PER_CHUNK) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
        inChunk = 0;
      }
    }
    chunk.append(text.substring(end));
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /** About one token per word: the demo's measure of usage. */
  static long countWords(String s) {
    if (s == null) {
      return 0;
    }
    return TOKEN.matcher(s).results().count();
  }

  private static List<String> contentWords(String prompt) {
    Set<String> words = new LinkedHashSet<>();
    Matcher m = WORD.matcher(prompt.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String w = m.group();
      if (w.length() >= 3 && !FILLER.contains(w)) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      words.addAll(List.of("ideas", "craft", "stories"));
    }
    return List.copyOf(words);
  }

  /**
   * The prompt's first words as they were written, after any opening instruction, or its content
   * words when it has none.
   */
  private static String topic(String prompt, List<String> words) {
    List<String> first = new ArrayList<>();
    Matcher m = WORD.matcher(INSTRUCTION.matcher(prompt).replaceFirst(""));
    while (m.find() && first.size() < TOPIC_WORDS) {
      first.add(m.group());
    }
    return first.isEmpty() ? String.join(" ", words) : String.join(" ", first);
  }

  private static String fill(String template, String topic, List<String> words, Random random) {
    int n = words.size();
    int ia = random.nextInt(n);
    String a = words.get(ia);
    String b = n == 1 ? "the details around it" : words.get((ia + 1 + random.nextInt(n - 1)) % n);
    String sentence = template.replace("{t}", topic).replace("{a}", a).replace("{b}", b);
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }
}
