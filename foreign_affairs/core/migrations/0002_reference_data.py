from django.db import migrations


def load(apps, schema_editor):
    from foreign_affairs.core.data import FIELDS, country_rows, framework_rows
    from datetime import date

    Country = apps.get_model("core", "Country")
    Field = apps.get_model("core", "Field")
    Country.objects.bulk_create([Country(**row) for row in country_rows()], ignore_conflicts=True)
    for row in framework_rows():
        Country.objects.filter(code=row["code"], framework="").update(
            framework=row["framework"], framework_since=date.fromisoformat(row["since"]),
            framework_source=row["source"],
        )
    for position, (code, name_vi, name_en) in enumerate(FIELDS):
        Field.objects.get_or_create(code=code, defaults={"name_vi": name_vi, "name_en": name_en, "position": position})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
