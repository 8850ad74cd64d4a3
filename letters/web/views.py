"""The start page, the filtered lists and their exports, search, and the failed imports."""

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render
from django.template.loader import render_to_string

from letters.models import (
    FailedImport,
    Letter,
    Section,
    Topic,
)
from letters.web.access import reader_required
from letters.web.filters import FailedImportFilter, SectionFilter
from letters.web.forms import SearchForm
from letters.web.fragments import fragment
from letters.web.import_reasons import explain
from letters.web.listing import export_filtered, listing, page_context, results
from letters.web.search import dossiers_named, postgres, search_footnotes, search_page
from letters.web.topic_views import followed_topics


@reader_required
def home(request):
    def topic_list():
        return render_to_string("letters/includes/home_topics.html", {"topics": Topic.objects.order_by("name")})

    def newest():
        context = {"letters": Letter.objects.with_current()[:8], "letter_count": Letter.objects.count()}
        return render_to_string("letters/includes/home_newest.html", context)

    context = {
        "follows": followed_topics(request.user),
        "topic_list": fragment(request, "home-topics", (), topic_list),
        "newest": fragment(request, "home-newest", (), newest),
    }
    return render(request, "letters/home.html", context)


@reader_required
def letter_list(request):
    return _list_page(request, "letter", "letters/letter_list.html")


@reader_required
def section_list(request):
    return _list_page(request, "section", "letters/section_list.html")


@reader_required
def reference_list(request):
    return _list_page(request, "reference", "letters/reference_list.html")


def _list_page(request, name, template):
    return render(request, template, page_context(request, listing(name).filter(request)))


@reader_required
def export(request, name, fmt):
    return export_filtered(request, listing(name), fmt)


@login_required
@permission_required("letters.view_failed_imports", raise_exception=True)
def failed_imports(request):
    failed_filter = FailedImportFilter(request.GET, queryset=FailedImport.objects.select_related("user"))
    return render(request, "letters/failed_imports.html", page_context(request, failed_filter, decorate=_explained))


def _explained(failure: FailedImport) -> FailedImport:
    failure.explanation = explain(failure.reason)  # the clerk's words; the reason itself stays beside it
    return failure


@reader_required
def search(request):
    form = SearchForm(request.GET)
    terms = form.cleaned_data["q"] if form.is_valid() else ""
    filters = request.GET.copy()
    filters.pop("q", None)  # the search terms go to full-text search, not to the substring filter
    section_filter = SectionFilter(filters, queryset=Section.objects.current())

    def found():
        page = search_page(results(section_filter), terms, request.GET.get("pagina"))
        context = {"terms": terms, "page": page, "footnotes": list(search_footnotes(terms)), "stemmed": postgres()}
        context["dossiers"] = dossiers_named(terms)
        return render_to_string("letters/includes/search_results.html", context, request)

    context = {"terms": terms, "form": form, "filter": section_filter}
    if terms:
        context["results"] = fragment(request, "search", (request.GET.urlencode(),), found)
    return render(request, "letters/search.html", context)
