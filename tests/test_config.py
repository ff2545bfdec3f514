"""Settings: declared once, documented in the example file, layered file < flags."""

from __future__ import annotations

import dataclasses
import tomllib
import typing

import pytest

from newsfuse.config import SETTINGS, Config, load_config
from newsfuse.errors import ConfigError
from tests.conftest import REPO


def test_every_setting_is_in_the_example_file_with_its_default_and_help():
    text = (REPO / "newsfuse.toml.example").read_text(encoding="utf-8")
    values = tomllib.loads(text)["newsfuse"]
    assert set(values) == {s.name for s in SETTINGS}
    for setting in SETTINGS:
        assert values[setting.name] == setting.default, setting.name
        assert f"# {setting.help}" in text, setting.name


def test_the_config_fields_are_the_settings_table_with_its_types_and_defaults():
    fields = dataclasses.fields(Config)
    hints = typing.get_type_hints(Config)
    assert [f.name for f in fields] == [s.name for s in SETTINGS]
    for field, setting in zip(fields, SETTINGS):
        assert field.default == setting.default, setting.name
        assert hints[field.name] is type(setting.default), setting.name
    assert Config() == load_config()


def test_the_config_is_frozen_and_replace_returns_a_checked_copy():
    config = load_config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.jobs = 2  # type: ignore[misc]
    changed = config.replace(jobs="2")
    assert (changed.jobs, config.jobs) == (2, 0)
    assert isinstance(changed, Config)


def test_file_overrides_defaults_and_flags_override_file(tmp_path):
    path = tmp_path / "nf.toml"
    path.write_text("[newsfuse]\njobs = 3\nbatch_size = 8\n", encoding="utf-8")
    config = load_config(path, batch_size=4, min_text_chars=None)
    assert config.jobs == 3
    assert config.batch_size == 4
    assert config.min_text_chars == 80


def test_unknown_or_badly_typed_settings_are_config_errors(tmp_path):
    path = tmp_path / "nf.toml"
    path.write_text("[newsfuse]\nnot_a_setting = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not_a_setting"):
        load_config(path)
    with pytest.raises(ConfigError, match="jobs"):
        load_config(jobs="many")
    path.write_text("[newsfuse\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="nf.toml"):
        load_config(path)


def test_a_setting_with_choices_takes_only_those():
    assert load_config(embed_precision="float32").embed_precision == "float32"
    with pytest.raises(ConfigError, match="embed_precision.*auto, float32, bfloat16"):
        load_config(embed_precision="fp16")
    with pytest.raises(ConfigError, match="progress"):
        load_config(progress="sometimes")


def test_workers_defaults_to_the_cores():
    assert load_config().workers >= 1
    assert load_config(jobs=2).workers == 2
