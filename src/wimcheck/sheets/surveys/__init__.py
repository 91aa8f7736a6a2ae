"""Survey tools' exports read as response sheets (LimeSurvey, KoboToolbox, ODK Central,
Microsoft Forms, Google Forms, Qualtrics).

One module per tool for what is its own (``limesurvey``, ``kobotoolbox``, ``odk_central``,
``microsoft_forms``, ``google_forms``, ``qualtrics``; all of them in ``tools``), and shared
modules: comparing texts (``normal``), words of the seven languages (``vocabulary``),
matching columns to statements (``columns``), reading answers (``answers``), inferring
framework, role and respondent column (``inference``), rows to leave out and answers that
cannot be read (``rows``), the mapping file (``mapping_file``, its pydantic model ``mapping_model``, ``mapping_text``), and the
whole reading (``reading``).

Part of ``wimcheck.sheets``: may import ``assessment``, ``frameworks`` and the base modules.
"""
