/*
 * The benchmark's floor: what rendering the cases' Markdown costs with cmark-gfm alone.
 *
 *     floor CONTENT OUT
 *
 * For every CONTENT/cases/<id>/index.md: reads the file, skips the YAML front matter (from a
 * first line "---" to the next line "---"), parses the Markdown body with a new parser per
 * document with the extensions and options sopsite uses (Sources/SopsiteKit/Markdown.swift:
 * table, strikethrough, autolink, tasklist, tagfilter; FOOTNOTES | VALIDATE_UTF8 |
 * STRIKETHROUGH_DOUBLE_TILDE), renders HTML and writes it to OUT/cases/<id>/index.html,
 * creating the folders. One thread. Prints the number of cases written to stderr.
 *
 * Build: cc -O2 floor.c $(pkg-config --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *extension_names[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void make_dir(const char *path) {
    if (mkdir(path, 0755) != 0 && errno != EEXIST) die("cannot create", path);
}

/* The whole file, NUL-terminated; *size gets its length. */
static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open", path);
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (len + 1 < cap) break;
        cap *= 2;
        buf = realloc(buf, cap);
    }
    if (ferror(f)) die("cannot read", path);
    fclose(f);
    buf[len] = '\0';
    *size = len;
    return buf;
}

/* The length of the line starting at p, without its "\n" or "\r\n"; *next is the next line. */
static size_t line_at(const char *p, const char *end, const char **next) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    *next = nl ? nl + 1 : end;
    if (stop > p && stop[-1] == '\r') stop--;
    return (size_t)(stop - p);
}

/* Where the Markdown body starts: after the second "---" line, when the file opens with one. */
static const char *skip_front_matter(const char *text, size_t size) {
    const char *end = text + size, *p = text, *next;
    if (size >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3;
    size_t len = line_at(p, end, &next);
    if (len != 3 || memcmp(p, "---", 3) != 0) return text;
    for (p = next; p < end; p = next) {
        len = line_at(p, end, &next);
        if (len == 3 && memcmp(p, "---", 3) == 0) return next;
    }
    return text;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor CONTENT OUT\n");
        return 2;
    }
    const char *content = argv[1], *out = argv[2];
    const int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
    cmark_gfm_core_extensions_ensure_registered();
    cmark_syntax_extension *extensions[5];
    for (int i = 0; i < 5; i++) {
        extensions[i] = cmark_find_syntax_extension(extension_names[i]);
        if (!extensions[i]) {
            fprintf(stderr, "floor: no cmark-gfm extension '%s'\n", extension_names[i]);
            return 1;
        }
    }

    size_t room = strlen(content) + strlen(out) + 512;
    char *path = malloc(room);
    snprintf(path, room, "%s/cases", content);
    DIR *dir = opendir(path);
    if (!dir) die("cannot open", path);
    size_t count = 0, cap = 1024;
    char **ids = malloc(cap * sizeof *ids);
    for (struct dirent *e; (e = readdir(dir));) {
        if (e->d_name[0] == '.') continue;
        if (count == cap) ids = realloc(ids, (cap *= 2) * sizeof *ids);
        ids[count++] = strdup(e->d_name);
    }
    closedir(dir);
    qsort(ids, count, sizeof *ids, by_name);

    make_dir(out);
    snprintf(path, room, "%s/cases", out);
    make_dir(path);
    size_t written = 0;
    for (size_t i = 0; i < count; i++) {
        size_t size;
        snprintf(path, room, "%s/cases/%s/index.md", content, ids[i]);
        struct stat st;
        if (stat(path, &st) != 0) continue; /* not a case folder */
        char *text = read_file(path, &size);
        const char *body = skip_front_matter(text, size);

        cmark_parser *parser = cmark_parser_new(options);
        for (int k = 0; k < 5; k++) cmark_parser_attach_syntax_extension(parser, extensions[k]);
        cmark_parser_feed(parser, body, (size_t)(text + size - body));
        cmark_node *root = cmark_parser_finish(parser);
        char *html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser));

        snprintf(path, room, "%s/cases/%s", out, ids[i]);
        make_dir(path);
        snprintf(path, room, "%s/cases/%s/index.html", out, ids[i]);
        FILE *f = fopen(path, "wb");
        if (!f) die("cannot write", path);
        size_t len = strlen(html);
        if (fwrite(html, 1, len, f) != len || fclose(f) != 0) die("cannot write", path);
        written++;

        free(html);
        cmark_node_free(root);
        cmark_parser_free(parser);
        free(text);
        free(ids[i]);
    }
    free(ids);
    free(path);
    fprintf(stderr, "floor: %zu cases\n", written);
    return 0;
}
