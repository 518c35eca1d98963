"""The sidebar's counts as tables of the library cache, kept by triggers as the articles change (issue 15).

`source_counts` holds every source's articles and unread articles, `folder_counts` the same for each
library folder (a range of stored path bytes, as in a folder view); both count what the list shows (kept
articles of the user's, found in no file, are not counted). The triggers fire in whichever connection
writes, so the scan thread's import batches add their counts and a rescan's removals subtract theirs in
the same transaction, and opening the window reads a few small tables instead of the library.

Unread needs the read marks, which live in the user database; a trigger sees only its own database, so
`read_marks` mirrors the user's read state in the cache (written by `sidebar_counts.sync_read_marks`
after each read-state change), and its own triggers move one article's counts by one.
"""

from __future__ import annotations

# Whether an article (by rowid expression) is unread: 1 or 0.
_UNREAD = "(SELECT NOT EXISTS (SELECT 1 FROM read_marks r JOIN articles x ON x.id = r.id WHERE x.rowid = {rowid}))"
_IN_FOLDER = "l.path >= folder_counts.low AND l.path < folder_counts.high"

COUNT_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS read_marks(id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source_counts(
    source TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS folder_counts(
    folder TEXT PRIMARY KEY, low BLOB NOT NULL, high BLOB NOT NULL,
    n INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0);

CREATE TRIGGER IF NOT EXISTS counts_article_added AFTER INSERT ON articles BEGIN
    INSERT INTO source_counts(source, n, unread)
        VALUES (coalesce(new.source, ''), 1, NOT EXISTS (SELECT 1 FROM read_marks WHERE id = new.id))
        ON CONFLICT(source) DO UPDATE SET n = n + 1, unread = unread + excluded.unread;
END;
-- the locations go first, while the article is there to say whether it was read
CREATE TRIGGER IF NOT EXISTS counts_article_leaving BEFORE DELETE ON articles BEGIN
    DELETE FROM locations WHERE article_rowid = old.rowid;
END;
CREATE TRIGGER IF NOT EXISTS counts_article_gone AFTER DELETE ON articles
WHEN old.rowid NOT IN (SELECT article_rowid FROM kept) BEGIN
    UPDATE source_counts SET n = n - 1,
        unread = unread - (NOT EXISTS (SELECT 1 FROM read_marks WHERE id = old.id))
        WHERE source = coalesce(old.source, '');
END;
CREATE TRIGGER IF NOT EXISTS counts_source_changed AFTER UPDATE OF source ON articles
WHEN old.source IS NOT new.source AND new.rowid NOT IN (SELECT article_rowid FROM kept) BEGIN
    UPDATE source_counts SET n = n - 1,
        unread = unread - (NOT EXISTS (SELECT 1 FROM read_marks WHERE id = old.id))
        WHERE source = coalesce(old.source, '');
    INSERT INTO source_counts(source, n, unread)
        VALUES (coalesce(new.source, ''), 1, NOT EXISTS (SELECT 1 FROM read_marks WHERE id = new.id))
        ON CONFLICT(source) DO UPDATE SET n = n + 1, unread = unread + excluded.unread;
END;
CREATE TRIGGER IF NOT EXISTS counts_kept AFTER INSERT ON kept BEGIN
    UPDATE source_counts SET n = n - 1, unread = unread - {_UNREAD.format(rowid="new.article_rowid")}
        WHERE source = (SELECT coalesce(source, '') FROM articles WHERE rowid = new.article_rowid);
END;
CREATE TRIGGER IF NOT EXISTS counts_unkept AFTER DELETE ON kept BEGIN
    UPDATE source_counts SET n = n + 1, unread = unread + {_UNREAD.format(rowid="old.article_rowid")}
        WHERE source = (SELECT coalesce(source, '') FROM articles WHERE rowid = old.article_rowid);
END;
-- an article counts once in a folder however many of its files lie there
CREATE TRIGGER IF NOT EXISTS counts_location_added AFTER INSERT ON locations BEGIN
    UPDATE folder_counts SET n = n + 1, unread = unread + {_UNREAD.format(rowid="new.article_rowid")}
        WHERE new.path >= low AND new.path < high AND NOT EXISTS (SELECT 1 FROM locations l
            WHERE l.article_rowid = new.article_rowid AND l.rowid != new.rowid AND {_IN_FOLDER});
END;
CREATE TRIGGER IF NOT EXISTS counts_location_gone AFTER DELETE ON locations BEGIN
    UPDATE folder_counts SET n = n - 1, unread = unread - {_UNREAD.format(rowid="old.article_rowid")}
        WHERE old.path >= low AND old.path < high AND NOT EXISTS (SELECT 1 FROM locations l
            WHERE l.article_rowid = old.article_rowid AND {_IN_FOLDER});
END;
-- while a row is in counts_paused (many marks mirrored at once), the counts are made again after, in bulk
CREATE TABLE IF NOT EXISTS counts_paused(x INTEGER);
CREATE TRIGGER IF NOT EXISTS counts_read AFTER INSERT ON read_marks WHEN NOT EXISTS (SELECT 1 FROM counts_paused)
BEGIN
    UPDATE source_counts SET unread = unread - 1 WHERE source = (SELECT coalesce(source, '') FROM articles
        WHERE id = new.id AND rowid NOT IN (SELECT article_rowid FROM kept));
    UPDATE folder_counts SET unread = unread - 1 WHERE EXISTS (SELECT 1 FROM articles a
        JOIN locations l ON l.article_rowid = a.rowid WHERE a.id = new.id AND {_IN_FOLDER});
END;
CREATE TRIGGER IF NOT EXISTS counts_unread AFTER DELETE ON read_marks WHEN NOT EXISTS (SELECT 1 FROM counts_paused)
BEGIN
    UPDATE source_counts SET unread = unread + 1 WHERE source = (SELECT coalesce(source, '') FROM articles
        WHERE id = old.id AND rowid NOT IN (SELECT article_rowid FROM kept));
    UPDATE folder_counts SET unread = unread + 1 WHERE EXISTS (SELECT 1 FROM articles a
        JOIN locations l ON l.article_rowid = a.rowid WHERE a.id = old.id AND {_IN_FOLDER});
END;
"""

# Every source's counts from the articles themselves, by aggregate queries: for a cache made before the counts
# were kept (folders are counted again when the window names them), and after many read marks at once.
SOURCES_AGAIN = ("DELETE FROM source_counts",
                 "INSERT INTO source_counts(source, n, unread)"
                 " SELECT coalesce(a.source, ''), count(*), sum(a.id NOT IN (SELECT id FROM read_marks))"
                 " FROM articles a WHERE a.rowid NOT IN (SELECT article_rowid FROM kept)"
                 " GROUP BY coalesce(a.source, '')")  # fmt: skip
RECOUNT_SOURCES = "; ".join((*SOURCES_AGAIN, "DELETE FROM folder_counts")) + ";"
FOLDER_TALLY = ("SELECT count(*), coalesce(sum(a.id NOT IN (SELECT id FROM read_marks)), 0) FROM articles a"
                " WHERE a.rowid IN (SELECT article_rowid FROM locations WHERE path >= ? AND path < ?)")  # fmt: skip
