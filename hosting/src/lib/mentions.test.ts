import { describe, expect, test } from "vitest";
import { insertMention, mentionAt, mentionedUids, suggestions } from "./mentions";

const people = [
  { uid: "u1", name: "Ana Lima" },
  { uid: "u2", name: "Bo Park" },
  { uid: "u3", name: "anabel@example.com" },
];

describe("mentionAt", () => {
  test("finds the @word being typed", () => {
    expect(mentionAt("Hello @An", 9)).toEqual({ start: 6, query: "An" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
  });
  test("is none inside an e-mail address, after a space or with no @", () => {
    expect(mentionAt("mail bo@example", 15)).toBeNull();
    expect(mentionAt("@Ana Lima", 9)).toBeNull();
    expect(mentionAt("plain words", 5)).toBeNull();
  });
});

describe("suggestions", () => {
  test("names starting with the query come first, then words within names", () => {
    expect(suggestions(people, "an").map((p) => p.uid)).toEqual(["u1", "u3"]);
    expect(suggestions(people, "park").map((p) => p.uid)).toEqual(["u2"]);
    expect(suggestions(people, "zz")).toEqual([]);
    expect(suggestions(people, "", 2)).toHaveLength(2);
  });
});

describe("insertMention", () => {
  test("replaces the @word with the mention and a space, and moves the caret after it", () => {
    expect(insertMention("Hi @An, look", 3, 6, people[0])).toEqual({ text: "Hi @Ana Lima , look", caret: 13 });
  });
});

describe("mentionedUids", () => {
  test("keeps the chosen people still mentioned in the body, once each", () => {
    expect(mentionedUids("@Ana Lima and @Bo Park, @Ana Lima again", [people[0], people[1], people[0]])).toEqual(["u1", "u2"]);
  });
  test("drops someone whose mention was deleted or changed into another word", () => {
    expect(mentionedUids("@Bo Parker only", [people[0], people[1]])).toEqual([]);
    expect(mentionedUids("nothing", people)).toEqual([]);
  });
});
