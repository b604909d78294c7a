" Files ending in .books are books.
autocmd BufRead,BufNewFile *.books setfiletype books
