"""Loads the catalogue, base salaries, bonus multiples and awarding authorities."""

from django.db import migrations


def install(apps, schema_editor):
    from thidua.awards.reference import install_reference_data

    install_reference_data(lambda name: apps.get_model("awards", name))


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_history")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
