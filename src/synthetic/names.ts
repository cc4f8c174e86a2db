/**
 * Made-up pinyin-style place names for synthetic counties (common parts of Hakka-area village names: 坑 keng,
 * 坪 ping, 岭 ling …). They may by chance match a real place; the data is synthetic all the same.
 * @module
 */
import type { SeededRandom } from "../random.ts";

const FIRST = [
  "Shang", "Xia", "Dong", "Xi", "Nan", "Bei", "Da", "Xiao", "Huang", "Bai", "Shi", "Long", "Feng", "Ma", "Niu",
  "He", "Lian", "Gao", "Heng", "Tang", "Zhu", "Song", "Tian", "Yun", "Qing", "Hong", "Jin", "Lin", "Liu", "Yang",
  "Chang", "Xin", "Gu", "Shui", "Hu", "Qiao", "Mei", "Tao", "Li", "Cha",
];
const SECOND = [
  "keng", "ping", "ling", "tang", "ba", "zhai", "dong", "tian", "wei", "shan", "xi", "kou", "tou", "bei", "jiao",
  "li", "cun", "wu", "yuan", "pai", "he", "zhou", "gang", "ao", "lang",
];

/** Draws unique names: a repeat gets a number (`"Shangkeng 2"`). */
export class NameMaker {
  private readonly used = new Map<string, number>();

  /** @param random - the stream to draw from */
  constructor(private readonly random: SeededRandom) {}

  /** A new unique name. */
  next(): string {
    const base = FIRST[this.random.integer(0, FIRST.length - 1)]! + SECOND[this.random.integer(0, SECOND.length - 1)]!;
    const count = (this.used.get(base) ?? 0) + 1;
    this.used.set(base, count);
    return count === 1 ? base : `${base} ${count}`;
  }
}
