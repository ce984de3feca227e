/* _nl_msg_cat_cntr, glibc's count of catalog changes (copy-relocated into
 * the program), as textdomain and bindtextdomain change it: every
 * successful textdomain with a name counts, a query does not; a binding
 * counts when it changes, not when it is set again or asked. */
#include <libintl.h>
#include <stdio.h>

extern int _nl_msg_cat_cntr;

int main(void)
{
    int start = _nl_msg_cat_cntr;
#define SHOW(what) printf("%-36s +%d\n", what, _nl_msg_cat_cntr - start)
    SHOW("start");
    textdomain(NULL);
    SHOW("textdomain(NULL)");
    textdomain("demo");
    SHOW("textdomain(demo)");
    textdomain("demo");
    SHOW("textdomain(demo) again");
    textdomain("");
    SHOW("textdomain(\"\")");
    bindtextdomain("demo", "/nonexistent/a");
    SHOW("bindtextdomain(demo, a)");
    bindtextdomain("demo", "/nonexistent/a");
    SHOW("bindtextdomain(demo, a) again");
    bindtextdomain("demo", NULL);
    SHOW("bindtextdomain(demo, NULL)");
    bindtextdomain("demo", "/nonexistent/b");
    SHOW("bindtextdomain(demo, b)");
    bindtextdomain("other", "/nonexistent/b");
    SHOW("bindtextdomain(other, b)");
    printf("text: %s\n", dgettext("demo", "untranslated"));
    SHOW("after dgettext");
    return 0;
}
