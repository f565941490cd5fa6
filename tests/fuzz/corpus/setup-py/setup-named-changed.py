from setuptools import setup

requirements = ["numpy>=1.20"]
if True:
    requirements.append("torch>=2.0")

setup(name='changed', install_requires=requirements)
