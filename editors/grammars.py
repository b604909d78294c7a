"""Writes the editor grammars from one list of the format's words: the TextMate grammar
(JSON and property list) and the Vim syntax. Run it from this folder after changing a
word list: python3 grammars.py. GrammarKeywordTests checks the lists against the schema."""
import json
import plistlib
entry_defs = ["client","contact","project","service","staff","resource","goal","recurring","tax"]
dated = ["income","expense","time","invoice","estimate","po","credit","meeting"]
vocab_kw = ["class","category","stage","medium","mode","unit","contact-category","goal-category","resource-kind","topic"]
fields = sorted(set("""legal-name address email phone website tax-id currency terms late-fee approval invoice-numbers estimate-numbers bank payment-link locale logo note
stage company contact position contract rounding staff category designation client value priority status start end estimate milestone
project pricing rate duration role cost clients may-approve kind topic link todo target progress metric every item discount tax tax-inclusive includes overage
class invoice via fee vendor billable deductible receipt approved-by due send po recurring period bills total valid-until limit agenda with medium location attach""".split()))
builtins = """client salary interest other lead negotiation google-meet skype zoom teams phone in-person bank card cash paypal hourly flat finance services legal health wealth relationship checklist guide strategy tip""".split()
closed = """low medium high not-started in-progress on-hold completed cancelled draft sent paid void accepted declined""".split()
value_words = """through from none per day days week weeks month months quarter quarters year years after grace net d over by invoices estimates expenses time income invoiced hours yes no true false""".split()
def alt(words):
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))
ID = r"[a-z0-9][a-z0-9_./-]*"
DATE = r"\d{4}-\d{2}-\d{2}"
END = r"(?=[\s;]|$)"
grammar = {
 "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
 "name": "books",
 "scopeName": "source.books",
 "fileTypes": ["books"],
 "patterns": [
  {"include": "#conflict"}, {"include": "#comment"},
  {"include": "#dated-head"}, {"include": "#definition-head"}, {"include": "#declaration-head"},
  {"include": "#setting-head"}, {"include": "#field"}, {"include": "#values"}
 ],
 "repository": {
  "conflict": {"name": "invalid.illegal.conflict-marker.books", "match": r"^(<{7}|={7}|>{7}|\|{7})(?=\s|$).*$"},
  "comment": {"patterns": [
    {"name": "comment.line.semicolon.books", "match": r"(?<=^|\s);.*$"},
    {"name": "comment.line.number-sign.books", "match": r"(?<=^|\s)#(?=\s|$).*$"}]},
  "dated-head": {"patterns": [
    {"match": r"^(" + DATE + r")\s+(invoice|estimate|po)\s+([^\s\";#]+)(?:\s+(" + ID + r"))?" + END,
     "captures": {"1": {"name": "constant.numeric.date.books"}, "2": {"name": "keyword.control.entry.books"},
                  "3": {"name": "entity.name.type.document-number.books"}, "4": {"name": "variable.other.id.books"}}},
    {"match": r"^(" + DATE + r")\s+(credit)\s+([^\s\";#]+)(?:\s+([^\s\";#]+))?" + END,
     "captures": {"1": {"name": "constant.numeric.date.books"}, "2": {"name": "keyword.control.entry.books"},
                  "3": {"name": "entity.name.type.document-number.books"}, "4": {"name": "variable.other.document-number.books"}}},
    {"match": r"^(" + DATE + r")\s+(time)\s+(" + ID + r")" + END,
     "captures": {"1": {"name": "constant.numeric.date.books"}, "2": {"name": "keyword.control.entry.books"},
                  "3": {"name": "variable.other.id.books"}}},
    {"match": r"^(" + DATE + r")\s+(" + alt(["income","expense","meeting"]) + r")" + END,
     "captures": {"1": {"name": "constant.numeric.date.books"}, "2": {"name": "keyword.control.entry.books"}}},
    {"match": r"^(" + DATE + r")" + END, "captures": {"1": {"name": "constant.numeric.date.books"}}}]},
  "definition-head": {"match": r"^(" + alt(entry_defs) + r")\s+(" + ID + r")" + END,
     "captures": {"1": {"name": "keyword.control.entry.books"}, "2": {"name": "entity.name.id.books"}}},
  "declaration-head": {"match": r"^(" + alt(vocab_kw) + r")\s+([^\s\";#]+)" + END,
     "captures": {"1": {"name": "keyword.control.vocabulary.books"}, "2": {"name": "entity.name.word.books"}}},
  "setting-head": {"match": r"^(" + alt(["books","include","business"]) + r")" + END,
     "captures": {"1": {"name": "keyword.control.entry.books"}}},
  "field": {"patterns": [
    {"match": r"^[ \t]+(" + alt(fields) + r")" + END, "captures": {"1": {"name": "variable.parameter.field.books"}}},
    {"match": r"^[ \t]+([^\s\";#]+)", "captures": {"1": {"name": "invalid.illegal.unknown-field.books"}}}]},
  "values": {"patterns": [
    {"include": "#string"}, {"include": "#tag"}, {"include": "#comment"},
    {"name": "markup.list.todo.books", "match": r"(?<=\s)\[[ xX_]?\]" + END},
    {"name": "keyword.operator.at.books", "match": r"(?<=\s)@" + END},
    {"name": "constant.numeric.date.books", "match": r"(?<![\w-])" + DATE + r"(?![\w-])"},
    {"name": "constant.numeric.time.books", "match": r"(?<![\w:-])\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?(?![\w:])"},
    {"name": "constant.numeric.duration.books", "match": r"(?<![\w.])(?:\d+(?:\.\d+)?h(?:\d+m)?|\d+m)(?![\w.])"},
    {"name": "constant.numeric.percentage.books", "match": r"(?<![\w.])\d+(?:\.\d+)?%"},
    {"name": "constant.numeric.days.books", "match": r"(?<![\w.])\d+d(?![\w.])"},
    {"name": "constant.numeric.books", "match": r"(?<![\w.-])[+-]?\d(?:_?\d)*(?:\.\d+)?(?![\w.%-])"},
    {"name": "support.constant.currency.books", "match": r"(?<![\w-])[A-Z]{3}(?![\w-])"},
    {"name": "constant.language.closed-list.books", "match": r"(?<![\w-])(" + alt(closed) + r")(?![\w-])"},
    {"name": "support.constant.vocabulary.books", "match": r"(?<![\w-])(" + alt(builtins) + r")(?![\w-])"},
    {"name": "keyword.other.books", "match": r"(?<![\w-])(" + alt(value_words) + r")(?![\w-])"}]},
  "string": {"name": "string.quoted.double.books", "begin": "\"", "end": "\"|$",
    "patterns": [{"name": "constant.character.escape.books", "match": r"\\([\"\\nt]|u\{[0-9A-Fa-f]{1,6}\})"},
                 {"name": "invalid.illegal.escape.books", "match": r"\\."}]},
  "tag": {"name": "entity.name.tag.books", "match": r"(?<=^|\s)#[^\s]+"}
 }
}
open("textmate/books.tmLanguage.json", "w").write(json.dumps(grammar, indent=2, ensure_ascii=False) + "\n")
plist = dict(grammar)
plist.pop("$schema")
open("textmate/books.tmLanguage", "wb").write(plistlib.dumps(plist))

def vimalt(words):
    return r"\|".join(w for w in sorted(set(words), key=lambda w: (-len(w), w)))
vim = r'''" Vim syntax file for books (.books), the plain-text format of a freelancer's business.
" Language: books (see FORMAT.md)
" Install:  see editors/vim/README.md

if exists("b:current_syntax")
  finish
endif

syn case match

" Lines and tokens (FORMAT.md 2.1)
syn match booksConflict /^\(<\{7}\|=\{7}\|>\{7}\||\{7}\)\(\s.*\)\?$/
syn match booksComment /\(^\|\s\)\@<=;.*$/ contains=@Spell
syn match booksComment /\(^\|\s\)\@<=#\(\s.*\)\?$/ contains=@Spell
syn match booksTag /\(^\|\s\)\@<=#[^ \t]\+/
syn region booksString start=/"/ skip=/\\\\\|\\"/ end=/"\|$/ oneline contains=booksEscape,booksBadEscape,@Spell
syn match booksEscape /\\\(["\\nt]\|u{\x\{1,6}}\)/ contained
syn match booksBadEscape /\\[^"\\ntu]/ contained

" Values (FORMAT.md 2.2)
syn match booksNumber /\(^\|[ \t]\)\@<=[+-]\?\d\(_\?\d\)*\(\.\d\+\)\?\ze\([ \t;]\|$\)/
syn match booksDate /\<\d\{4}-\d\d-\d\d\>/
syn match booksTime /\(^\|[ \t]\)\@<=\d\{1,2}:\d\d\(-\d\{1,2}:\d\d\)\?\ze\([ \t;]\|$\)/
syn match booksDuration /\(^\|[ \t]\)\@<=\(\d\+\(\.\d\+\)\?h\(\d\+m\)\?\|\d\+m\)\ze\([ \t;]\|$\)/
syn match booksPercent /\(^\|[ \t]\)\@<=\d\+\(\.\d\+\)\?%/
syn match booksDays /\(^\|[ \t]\)\@<=\d\+d\ze\([ \t;]\|$\)/
syn match booksCurrency /\(^\|[ \t]\)\@<=[A-Z]\{3}\ze\([ \t;]\|$\)/
syn match booksAt /\(^\|[ \t]\)\@<=@\ze\([ \t]\|$\)/
syn match booksTodo /\(^\|[ \t]\)\@<=\[[ xX_]\?\]\ze\([ \t]\|$\)/
syn match booksClosed /\(^\|[ \t]\)\@<=\(CLOSED\)\ze\([ \t;]\|$\)/
syn match booksBuiltin /\(^\|[ \t]\)\@<=\(BUILTINS\)\ze\([ \t;]\|$\)/
syn match booksValueWord /\(^\|[ \t]\)\@<=\(VALUEWORDS\)\ze\([ \t;]\|$\)/

" Entries (FORMAT.md 2.3, 3.2): heads start in column 1
syn match booksEntry /^\(DEFS\)\ze[ \t]/ nextgroup=booksId skipwhite
syn match booksEntry /^\(books\|include\|business\)\ze\([ \t]\|$\)/
syn match booksVocab /^\(VOCAB\)\ze[ \t]/ nextgroup=booksWord skipwhite
syn match booksDatedHead /^\d\{4}-\d\d-\d\d[ \t]\+\(DATED\)\ze\([ \t]\|$\)/ contains=booksDate,booksDatedKind nextgroup=booksDocNumber,booksId skipwhite
syn match booksDatedKind /\(DATED\)$/ contained
syn match booksDatedKind /\(DATED\)\ze[ \t]/ contained
syn match booksId /[a-z0-9][a-z0-9_./-]*/ contained
syn match booksWord /[^ \t"#;]\+/ contained
syn match booksDocNumber /\(\(invoice\|estimate\|po\|credit\)[ \t]\+\)\@<=[^ \t"#;]\+/ contained

" Fields: an indented word first on the line
syn match booksUnknownField /^[ \t]\+\zs[^ \t"#;]\+/
syn match booksField /^[ \t]\+\zs\(FIELDS\)\ze\([ \t;]\|$\)/

hi def link booksConflict Error
hi def link booksComment Comment
hi def link booksTag Label
hi def link booksString String
hi def link booksEscape SpecialChar
hi def link booksBadEscape Error
hi def link booksNumber Number
hi def link booksDate Constant
hi def link booksTime Constant
hi def link booksDuration Number
hi def link booksPercent Number
hi def link booksDays Number
hi def link booksCurrency Type
hi def link booksAt Operator
hi def link booksTodo Todo
hi def link booksClosed Constant
hi def link booksBuiltin Constant
hi def link booksValueWord Keyword
hi def link booksEntry Statement
hi def link booksVocab Statement
hi def link booksDatedKind Statement
hi def link booksId Identifier
hi def link booksWord Identifier
hi def link booksDocNumber Identifier
hi def link booksField Function
hi def link booksUnknownField Error

let b:current_syntax = "books"
'''
vim = (vim.replace("CLOSED", vimalt(closed)).replace("BUILTINS", vimalt(builtins))
   .replace("VALUEWORDS", vimalt(value_words)).replace("DEFS", vimalt(entry_defs))
   .replace("VOCAB", vimalt(vocab_kw)).replace("DATED", vimalt(dated)).replace("FIELDS", vimalt(fields)))
open("vim/syntax/books.vim", "w").write(vim)
open("vim/ftdetect/books.vim", "w").write('" Files ending in .books are books.\nautocmd BufRead,BufNewFile *.books setfiletype books\n')
