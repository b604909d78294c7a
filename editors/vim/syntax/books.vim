" Vim syntax file for books (.books), the plain-text format of a freelancer's business.
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
syn match booksClosed /\(^\|[ \t]\)\@<=\(in-progress\|not-started\|cancelled\|completed\|accepted\|declined\|on-hold\|medium\|draft\|high\|paid\|sent\|void\|low\)\ze\([ \t;]\|$\)/
syn match booksBuiltin /\(^\|[ \t]\)\@<=\(relationship\|google-meet\|negotiation\|checklist\|in-person\|interest\|services\|strategy\|finance\|client\|health\|hourly\|paypal\|salary\|wealth\|guide\|legal\|other\|phone\|skype\|teams\|bank\|card\|cash\|flat\|lead\|zoom\|tip\)\ze\([ \t;]\|$\)/
syn match booksValueWord /\(^\|[ \t]\)\@<=\(estimates\|expenses\|invoiced\|invoices\|quarters\|quarter\|through\|income\|months\|after\|false\|grace\|hours\|month\|weeks\|years\|days\|from\|none\|over\|time\|true\|week\|year\|day\|net\|per\|yes\|by\|no\|d\)\ze\([ \t;]\|$\)/

" Entries (FORMAT.md 2.3, 3.2): heads start in column 1
syn match booksEntry /^\(recurring\|resource\|contact\|project\|service\|client\|staff\|goal\|tax\)\ze[ \t]/ nextgroup=booksId skipwhite
syn match booksEntry /^\(books\|include\|business\)\ze\([ \t]\|$\)/
syn match booksVocab /^\(contact-category\|goal-category\|resource-kind\|category\|medium\|class\|stage\|topic\|mode\|unit\)\ze[ \t]/ nextgroup=booksWord skipwhite
syn match booksDatedHead /^\d\{4}-\d\d-\d\d[ \t]\+\(estimate\|expense\|invoice\|meeting\|credit\|income\|time\|po\)\ze\([ \t]\|$\)/ contains=booksDate,booksDatedKind nextgroup=booksDocNumber,booksId skipwhite
syn match booksDatedKind /\(estimate\|expense\|invoice\|meeting\|credit\|income\|time\|po\)$/ contained
syn match booksDatedKind /\(estimate\|expense\|invoice\|meeting\|credit\|income\|time\|po\)\ze[ \t]/ contained
syn match booksId /[a-z0-9][a-z0-9_./-]*/ contained
syn match booksWord /[^ \t"#;]\+/ contained
syn match booksDocNumber /\(\(invoice\|estimate\|po\|credit\)[ \t]\+\)\@<=[^ \t"#;]\+/ contained

" Fields: an indented word first on the line
syn match booksUnknownField /^[ \t]\+\zs[^ \t"#;]\+/
syn match booksField /^[ \t]\+\zs\(estimate-numbers\|invoice-numbers\|tax-inclusive\|payment-link\|approved-by\|designation\|may-approve\|valid-until\|deductible\|legal-name\|milestone\|recurring\|approval\|billable\|category\|contract\|currency\|discount\|duration\|estimate\|includes\|late-fee\|location\|position\|priority\|progress\|rounding\|address\|clients\|company\|contact\|invoice\|overage\|pricing\|project\|receipt\|website\|agenda\|attach\|client\|locale\|medium\|metric\|period\|status\|target\|tax-id\|vendor\|bills\|class\|email\|every\|limit\|phone\|staff\|stage\|start\|terms\|topic\|total\|value\|bank\|cost\|item\|kind\|link\|logo\|note\|rate\|role\|send\|todo\|with\|due\|end\|fee\|tax\|via\|po\)\ze\([ \t;]\|$\)/

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
