-- Accent- and case-insensitive search (the packing and returns queues): a person typing "nunez"
-- or "joao" must find "Núñez" and "João". SQLite's lower() and LIKE fold ASCII only, and node's
-- sqlite3 cannot register a function, so the folded name is a generated column: lower() for
-- ASCII, then every accented Latin-1 letter of Spanish, Portuguese and the other Latin American
-- languages to its base letter, then the combining marks of names stored decomposed (NFD) are
-- dropped. src-main/db/repos/search-fold.ts folds what was typed the same way; the migration's test
-- checks the two agree letter by letter. VIRTUAL (ALTER TABLE cannot add a STORED column): it is
-- computed only when a search reads it, over the waiting orders and returns.

ALTER TABLE orders ADD COLUMN customer_folded TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(
    lower(customer_name)
    , 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'à', 'a'), 'á', 'a')
    , 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e')
    , 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i')
    , 'ì', 'i'), 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o')
    , 'Ö', 'o'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'Ù', 'u'), 'Ú', 'u')
    , 'Û', 'u'), 'Ü', 'u'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'Ñ', 'n'), 'ñ', 'n')
    , 'Ç', 'c'), 'ç', 'c'), 'Ý', 'y'), 'ý', 'y'), 'ÿ', 'y'), char(768), ''), char(769), ''), char(770), '')
    , char(771), ''), char(772), ''), char(774), ''), char(775), ''), char(776), ''), char(778), ''), char(779), ''), char(780), '')
    , char(807), ''), char(808), '')
) VIRTUAL;

ALTER TABLE returns ADD COLUMN customer_folded TEXT GENERATED ALWAYS AS (
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(
    lower(customer_name)
    , 'À', 'a'), 'Á', 'a'), 'Â', 'a'), 'Ã', 'a'), 'Ä', 'a'), 'Å', 'a'), 'à', 'a'), 'á', 'a')
    , 'â', 'a'), 'ã', 'a'), 'ä', 'a'), 'å', 'a'), 'È', 'e'), 'É', 'e'), 'Ê', 'e'), 'Ë', 'e')
    , 'è', 'e'), 'é', 'e'), 'ê', 'e'), 'ë', 'e'), 'Ì', 'i'), 'Í', 'i'), 'Î', 'i'), 'Ï', 'i')
    , 'ì', 'i'), 'í', 'i'), 'î', 'i'), 'ï', 'i'), 'Ò', 'o'), 'Ó', 'o'), 'Ô', 'o'), 'Õ', 'o')
    , 'Ö', 'o'), 'ò', 'o'), 'ó', 'o'), 'ô', 'o'), 'õ', 'o'), 'ö', 'o'), 'Ù', 'u'), 'Ú', 'u')
    , 'Û', 'u'), 'Ü', 'u'), 'ù', 'u'), 'ú', 'u'), 'û', 'u'), 'ü', 'u'), 'Ñ', 'n'), 'ñ', 'n')
    , 'Ç', 'c'), 'ç', 'c'), 'Ý', 'y'), 'ý', 'y'), 'ÿ', 'y'), char(768), ''), char(769), ''), char(770), '')
    , char(771), ''), char(772), ''), char(774), ''), char(775), ''), char(776), ''), char(778), ''), char(779), ''), char(780), '')
    , char(807), ''), char(808), '')
) VIRTUAL;
