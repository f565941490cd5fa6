from setuptools import setup

def reqs():
    return open("requirements.in").read().split()

setup(name="computed", install_requires=reqs())
